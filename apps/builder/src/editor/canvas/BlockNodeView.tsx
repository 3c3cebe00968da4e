import { blockDefinitions, blockTitle, isBlockType } from '@flowdesk/flow-schema';
import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { createContext, memo, useContext, useEffect } from 'react';
import { BlockFigures } from '../../analytics/canvas/BlockFigures';
import { displayOutputs, summarize } from '../blocks/summarize';
import { ENTRY_TYPES } from '../model/graph-ops';
import type { BlockNode } from '../model/to-react-flow';
import { GroupNodeView } from './GroupNodeView';
import { NoteNodeView } from './NoteNodeView';

/** Team names for handoff summaries; a separate context so node components do not re-render on every edit. */
export const TeamNamesContext = createContext<(id: string) => string | undefined>(() => undefined);

function BlockNodeViewImpl({ id, data, selected }: NodeProps<BlockNode>) {
  const teamName = useContext(TeamNamesContext);
  const updateNodeInternals = useUpdateNodeInternals();
  const { block, intents, decoration } = data;
  const known = isBlockType(block.type);
  const definition = known ? blockDefinitions[block.type] : null;
  const lines = known ? summarize(block, { intents, teamName }) : ['This kind of block is unknown.'];
  const outputs = known ? displayOutputs(block, intents) : [];
  const handleKey = outputs.map((o) => o.id).join('\n');
  // React Flow measures handles once; outputs that appear, vanish or are renamed need a re-measure.
  useEffect(() => {
    if (handleKey) updateNodeInternals(id);
  }, [handleKey, id, updateNodeInternals]);
  const classes = [
    'block-node',
    `group-${(definition?.group ?? 'unknown').toLowerCase()}`,
    `type-${block.type}`,
    selected ? 'selected' : '',
    decoration.active ? 'active' : '',
    decoration.errors > 0 ? 'has-errors' : decoration.warnings > 0 ? 'has-warnings' : '',
  ];
  return (
    <div className={classes.join(' ')} data-block-id={block.id} data-testid={`block-${block.id}`}>
      {known && ENTRY_TYPES.has(block.type) ? null : (
        <Handle type="target" position={Position.Left} id="in" className="handle-in" />
      )}
      <header className="block-header">
        <span className="block-dot" aria-hidden="true" />
        <span
          className="block-title"
          title={block.name ? `${block.name} (${definition?.label ?? block.type})` : undefined}
        >
          {blockTitle(block)}
        </span>
        {decoration.errors + decoration.warnings > 0 ? (
          <span
            className={decoration.errors > 0 ? 'node-badge node-badge-error' : 'node-badge node-badge-warning'}
            title={decoration.firstProblem}
            role="img"
            aria-label={`${decoration.errors} errors, ${decoration.warnings} warnings: ${decoration.firstProblem ?? ''}`}
          >
            !{decoration.errors + decoration.warnings > 1 ? ` ${decoration.errors + decoration.warnings}` : ''}
          </span>
        ) : null}
      </header>
      <div className="block-summary">
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: summary lines have no identity
          <p key={index} className={index === 0 ? 'summary-main' : 'summary-sub'}>
            {line}
          </p>
        ))}
      </div>
      {outputs.length > 0 ? (
        <ul className="block-outputs">
          {outputs.map((output) => (
            <li key={output.id} className="block-output" data-handle={output.id}>
              <span>{output.label}</span>
              <Handle type="source" position={Position.Right} id={output.id} className="handle-out" />
            </li>
          ))}
        </ul>
      ) : null}
      <BlockFigures blockId={block.id} />
    </div>
  );
}

export const BlockNodeView = memo(BlockNodeViewImpl);
export const nodeTypes = { block: BlockNodeView, note: NoteNodeView, group: GroupNodeView };
