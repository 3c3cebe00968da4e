import { type Shortcut, ShortcutsDialog, useShortcutHelp } from '../ui/ShortcutsDialog';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** The editor's keyboard shortcuts (hooks/use-shortcuts.ts and the canvas), as `?` lists them. */
export const EDITOR_SHORTCUTS: Shortcut[] = [
  { keys: [mod, 'Z'], does: 'Undo' },
  { keys: [mod, 'Shift', 'Z'], does: 'Redo' },
  { keys: [mod, 'Y'], does: 'Redo' },
  { keys: [mod, 'C'], does: 'Copy the selected blocks' },
  { keys: [mod, 'V'], does: 'Paste' },
  { keys: [mod, 'D'], does: 'Duplicate the selected blocks' },
  { keys: [mod, 'A'], does: 'Select every block' },
  { keys: [mod, 'G'], does: 'Group the selected blocks' },
  { keys: [mod, 'Shift', 'G'], does: 'Ungroup (the blocks stay)' },
  { keys: ['Delete'], does: 'Delete the selection (Backspace too)' },
  { keys: ['Shift', 'Click'], does: `Add a block to the selection (${mod} + Click too)` },
  { keys: ['Esc'], does: 'Close the block picker or a dialog' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

/** `?` in the flow editor opens the list of its shortcuts. */
export function EditorShortcutHelp() {
  const [open, setOpen] = useShortcutHelp();
  return open ? (
    <ShortcutsDialog title="Editor keyboard shortcuts" shortcuts={EDITOR_SHORTCUTS} onClose={() => setOpen(false)} />
  ) : null;
}
