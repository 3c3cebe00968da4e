import type { FlowVersion } from '@flowdesk/contract';
import { type BlockType, type FlowDocument, type Position, validateFlow } from '@flowdesk/flow-schema';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import '@xyflow/react/dist/style.css';
import '../styles/editor/toolbar.css';
import '../styles/editor/palette.css';
import '../styles/editor/canvas.css';
import '../styles/editor/side-panel.css';
import '../styles/editor/preview.css';
import '../styles/editor/notes-groups.css';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { useToast } from '../app/toasts';
import { TeamNamesContext } from './canvas/BlockNodeView';
import { Canvas } from './canvas/Canvas';
import { Palette } from './canvas/Palette';
import { visibleFlowRect } from './canvas/visible-flow';
import { readClipboard, storeClipboard } from './clipboard-store';
import { EditorContext, type EditorContextValue, type PanelId } from './editor-context';
import { useAutosave } from './hooks/use-autosave';
import { useCanvasActions } from './hooks/use-canvas-actions';
import { useDebounced } from './hooks/use-debounced';
import { useEditorShortcuts } from './hooks/use-shortcuts';
import { addBlockNear, addConnectedBlock } from './model/add-block';
import { copyBlocks, pasteBlocks } from './model/clipboard';
import { buildDecorations } from './model/decorations';
import { editorReducer, initialEditorState } from './model/editor-state';
import { canRedo, canUndo } from './model/history';
import { download, exportFileName, exportFlowJson, importFlowJson } from './model/import-export';
import { loadDocument } from './model/load-document';
import { variableNames } from './model/variables';
import { initialViewport } from './model/viewport';
import { EditorPanels } from './panels/EditorPanels';
import { PublishDialog } from './toolbar/PublishDialog';
import { Toolbar } from './toolbar/Toolbar';
import { VersionsDialog } from './toolbar/VersionsDialog';
import { useTeams } from './use-teams';

interface Props {
  flowId: string;
  initialDoc: FlowDocument;
  /** When the loaded draft was saved (saves build on it). */
  initialUpdatedAt?: string;
}

function FlowEditorInner({ flowId, initialDoc, initialUpdatedAt }: Props) {
  const toast = useToast();
  const flow = useReactFlow();
  const teams = useTeams();
  const [state, dispatch] = useReducer(editorReducer, initialDoc, initialEditorState);
  const [viewing, setViewing] = useState<{ number: number; doc: FlowDocument } | null>(null);
  const [panel, setPanel] = useState<PanelId>('inspector');
  const [dialog, setDialog] = useState<'publish' | 'versions' | null>(null);
  const [activeBlockId, setActiveBlockId] = useState<string | null>(null);
  const draft = state.history.present;
  const doc = viewing?.doc ?? draft;
  const readOnly = viewing !== null;
  const autosave = useAutosave(flowId, draft, true, initialUpdatedAt);
  const checked = useDebounced(doc, 250);
  const problems = useMemo(() => validateFlow(checked), [checked]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const decorations = useMemo(() => buildDecorations(problems, activeBlockId), [problems, activeBlockId]);
  const variables = useMemo(() => variableNames(doc), [doc]);
  const latest = useRef(state);
  latest.current = state;

  /** The whole flow, or its start at a zoom where block text stays >= 12 px (works before blocks render). */
  const fitToBlocks = useCallback(
    (target?: FlowDocument, duration = 250) => {
      const rect = document.querySelector('.canvas')?.getBoundingClientRect();
      const viewport = rect && initialViewport(target ?? latest.current.history.present, rect);
      if (viewport) void flow.setViewport(viewport, { duration });
    },
    [flow],
  );
  useEffect(() => fitToBlocks(undefined, 0), [fitToBlocks]);

  const { tidyUp, addNoteInView, groupSelection, ungroupSelection } = useCanvasActions(latest, dispatch, fitToBlocks);

  const focusBlock = useCallback(
    (blockId: string, at?: Position) => {
      const position = at ?? latest.current.history.present.blocks.find((b) => b.id === blockId)?.position;
      dispatch({ type: 'select', blocks: [blockId] });
      setPanel('inspector');
      if (position)
        flow.setCenter(position.x + 130, position.y + 60, {
          zoom: Math.max(flow.getZoom(), 0.9),
          duration: 300,
        });
    },
    [flow],
  );

  const selectedCount = state.selection.blocks.size;
  useEffect(() => {
    if (selectedCount === 1) setPanel((p) => (p === 'preview' ? p : 'inspector'));
  }, [selectedCount]);

  const addBlock = useCallback(
    (type: BlockType, at?: { x: number; y: number }) => {
      const selected = [...latest.current.selection.blocks];
      const anchor = !at && selected.length === 1 ? selected[0]! : null;
      const rect = document.querySelector('.canvas')?.getBoundingClientRect();
      const center = flow.screenToFlowPosition({
        x: rect ? rect.left + rect.width / 2 - 130 : window.innerWidth / 2,
        y: rect ? rect.top + rect.height / 2 - 60 : window.innerHeight / 2,
      });
      let added: string | null = null;
      dispatch({
        type: 'apply',
        edit: (d) => {
          const { doc: next, id } = addBlockNear(d, type, anchor, at ?? center);
          added = id;
          return { doc: next, select: [id] };
        },
      });
      if (!at) {
        // Follow the flow as it grows to the right: bring the new block into view.
        requestAnimationFrame(() => {
          const block = added && latest.current.history.present.blocks.find((b) => b.id === added);
          if (block)
            flow.setCenter(block.position.x + 130, block.position.y + 80, { zoom: flow.getZoom(), duration: 250 });
        });
      }
    },
    [flow],
  );

  const copy = () => {
    const payload = copyBlocks(latest.current.history.present, latest.current.selection.blocks);
    if (payload) storeClipboard(payload);
    return payload;
  };
  const paste = (payload = readClipboard()) => {
    if (!payload) return;
    const view = visibleFlowRect(flow);
    dispatch({
      type: 'apply',
      edit: (d) => {
        const { doc: next, pastedIds } = pasteBlocks(d, payload, view);
        return { doc: next, select: pastedIds };
      },
    });
  };
  useEditorShortcuts(
    {
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      copy,
      paste: () => paste(),
      duplicate: () => paste(copy() ?? undefined),
      selectAll: () => dispatch({ type: 'select', blocks: latest.current.history.present.blocks.map((b) => b.id) }),
      group: groupSelection,
      ungroup: ungroupSelection,
    },
    !readOnly,
  );

  async function importFile(file: File) {
    const result = importFlowJson(await file.text(), draft);
    if (!result.ok) return toast.show('error', result.message);
    dispatch({ type: 'apply', edit: () => result.doc });
    fitToBlocks(result.doc);
    toast.success(`Imported ${result.doc.blocks.length} blocks. Undo with Ctrl+Z.`);
  }

  async function viewVersion(version: FlowVersion) {
    try {
      const full = version.document ? version : (await flowsApi.version(api, flowId, version.number)).version;
      const versionDoc = loadDocument(full.document, { id: draft.id, name: draft.name });
      setViewing({ number: version.number, doc: versionDoc });
      setDialog(null);
      fitToBlocks(versionDoc);
    } catch (error) {
      toast.error(error);
    }
  }

  async function rollback(version: FlowVersion) {
    try {
      await autosave.flush().catch(() => undefined);
      const { flow: record, version: live } = await flowsApi.rollback(api, flowId, version.number);
      const restored = loadDocument(record.draft, { id: draft.id, name: draft.name });
      autosave.markSaved(restored, record.updatedAt);
      dispatch({ type: 'load', doc: restored });
      setViewing(null);
      toast.success(
        record.live
          ? `Rolled back: version ${version.number} is live again (as version ${live.number}) and is the draft.`
          : `Rolled back: version ${version.number} is published again (as version ${live.number}) and is the draft; the bot's live flow did not change.`,
      );
    } catch (error) {
      toast.error(error);
      throw error;
    }
  }

  const context: EditorContextValue = {
    doc,
    dispatch: readOnly ? () => undefined : dispatch,
    selection: state.selection,
    problems,
    variables,
    teams,
    readOnly,
    focusBlock,
    openPanel: setPanel,
  };
  const teamName = useCallback((id: string) => teams.find((t) => t.id === id)?.name, [teams]);

  return (
    <EditorContext.Provider value={context}>
      <TeamNamesContext.Provider value={teamName}>
        <div className="editor">
          <Toolbar
            name={doc.name}
            status={autosave.status}
            retrying={autosave.retrying}
            canUndo={canUndo(state.history)}
            canRedo={canRedo(state.history)}
            errors={errors}
            readOnly={readOnly}
            onRename={(name) => dispatch({ type: 'apply', edit: (d) => ({ ...d, name }), coalesceKey: 'flow-name' })}
            onUndo={() => dispatch({ type: 'undo' })}
            onRedo={() => dispatch({ type: 'redo' })}
            onLayout={() => void tidyUp().catch((error: unknown) => toast.error(error))}
            onGroup={groupSelection}
            onUngroup={ungroupSelection}
            onExport={() => download(exportFileName(doc), exportFlowJson(doc))}
            onImport={importFile}
            onVersions={() => setDialog('versions')}
            onPublish={() => setDialog('publish')}
          />
          {viewing ? (
            <div className="viewing-banner" role="status">
              Viewing version {viewing.number} (read only).
              <button type="button" className="btn btn-sm" onClick={() => setViewing(null)}>
                Back to the draft
              </button>
              <button
                type="button"
                className="btn btn-sm btn-primary"
                onClick={() => rollback({ number: viewing.number } as FlowVersion).catch(() => undefined)}
              >
                Roll back to this version
              </button>
            </div>
          ) : null}
          <div className="editor-main">
            {readOnly ? (
              <div className="palette palette-readonly">A published version is read only. Roll back to edit it.</div>
            ) : (
              <Palette
                onAdd={(type) => addBlock(type)}
                hasStart={draft.blocks.some((b) => b.type === 'start')}
                onAddNote={addNoteInView}
              />
            )}
            <Canvas
              decorations={decorations}
              onDropBlock={(type, position) => addBlock(type, position)}
              onBlockClick={() => setPanel((p) => (p === 'preview' ? p : 'inspector'))}
              onPickConnected={(type, from) =>
                dispatch({
                  type: 'apply',
                  edit: (d) => {
                    const { doc: next, id } = addConnectedBlock(d, type, from);
                    return { doc: next, select: [id] };
                  },
                })
              }
            />
            <EditorPanels panel={panel} onPanel={setPanel} onActiveBlock={setActiveBlockId} />
          </div>
        </div>
        {dialog === 'publish' ? (
          <PublishDialog
            flowId={flowId}
            errors={errors}
            warnings={problems.length - errors}
            flush={autosave.flush}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog === 'versions' ? (
          <VersionsDialog flowId={flowId} onView={viewVersion} onRollback={rollback} onClose={() => setDialog(null)} />
        ) : null}
      </TeamNamesContext.Provider>
    </EditorContext.Provider>
  );
}

export function FlowEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <FlowEditorInner {...props} />
    </ReactFlowProvider>
  );
}
