import { useRef } from 'react';
import { AnalyticsModeToggle } from '../../analytics/canvas/BlockFigures';
import { Link } from '../../app/router';
import { IconButton } from '../../ui/IconButton';
import { Icon } from '../../ui/icons';
import type { SaveStatus } from '../hooks/use-autosave';

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved — retrying on next change',
};

export interface ToolbarProps {
  name: string;
  status: SaveStatus;
  /** A failed save is retried on its own (network or server trouble). */
  retrying?: boolean;
  canUndo: boolean;
  canRedo: boolean;
  errors: number;
  readOnly: boolean;
  onRename(name: string): void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onGroup(): void;
  onUngroup(): void;
  onExport(): void;
  onImport(file: File): void;
  onVersions(): void;
  onPublish(): void;
}

/** A small ghost button labelled by its text; `title` says what it does. */
function TextButton({ label, ...button }: { label: string; title: string; onClick: () => void; disabled: boolean }) {
  return (
    <button type="button" className="btn btn-ghost btn-sm" {...button}>
      {label}
    </button>
  );
}

/** Undo and Redo, each with its shortcut in the tooltip; off while read-only or with nothing to undo or redo. */
function UndoRedo({ canUndo, canRedo, readOnly, onUndo, onRedo }: ToolbarProps) {
  return (
    <>
      <IconButton icon="undo" label="Undo" shortcut="Ctrl+Z" onClick={onUndo} disabled={!canUndo || readOnly} />
      <IconButton icon="redo" label="Redo" shortcut="Ctrl+Shift+Z" onClick={onRedo} disabled={!canRedo || readOnly} />
    </>
  );
}

export function Toolbar(props: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="editor-toolbar">
      <Link to="/flows" className="btn btn-ghost btn-sm" aria-label="Back to flows">
        ← Flows
      </Link>
      <input
        className="editor-title"
        aria-label="Flow name"
        value={props.name}
        maxLength={200}
        readOnly={props.readOnly}
        onChange={(e) => props.onRename(e.target.value)}
        onBlur={(e) => {
          if (!e.target.value.trim()) props.onRename('Untitled flow');
        }}
      />
      <span className={`save-status save-${props.status}`} role="status" data-testid="save-status">
        {props.retrying ? 'Not saved — retrying automatically' : STATUS_TEXT[props.status]}
      </span>
      <div className="toolbar-spacer" />
      <div className="toolbar-group">
        <UndoRedo {...props} />
        <IconButton icon="layout" label="Tidy up layout" onClick={props.onLayout} disabled={props.readOnly} />
        <TextButton
          label="Group"
          title="Frame the selected blocks as a group (Ctrl+G)"
          onClick={props.onGroup}
          disabled={props.readOnly}
        />
        <TextButton
          label="Ungroup"
          title="Remove the selected group's frame, keeping its blocks (Ctrl+Shift+G)"
          onClick={props.onUngroup}
          disabled={props.readOnly}
        />
      </div>
      <div className="toolbar-group">
        <IconButton icon="download" label="Export JSON" onClick={props.onExport} />
        <IconButton
          icon="upload"
          label="Import JSON"
          onClick={() => fileInput.current?.click()}
          disabled={props.readOnly}
        />
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onImport(file);
            e.target.value = '';
          }}
        />
        <button type="button" className="btn btn-ghost btn-sm" onClick={props.onVersions}>
          <Icon name="history" /> Versions
        </button>
        <AnalyticsModeToggle />
      </div>
      <button
        type="button"
        className="btn btn-primary"
        onClick={props.onPublish}
        disabled={props.readOnly}
        title={props.errors > 0 ? `Fix ${props.errors} error(s) before publishing` : 'Publish'}
      >
        Publish{props.errors > 0 ? <span className="badge badge-error">{props.errors}</span> : null}
      </button>
    </header>
  );
}
