import { useEffect, useState } from 'react';
import { Modal } from './Modal';
import './shortcuts.css';

export interface Shortcut {
  /** The keys, each shown as a key cap, e.g. ['Ctrl', 'Z']. */
  keys: string[];
  does: string;
}

/** A dialog listing keyboard shortcuts (opened with `?`). */
export function ShortcutsDialog({
  title,
  shortcuts,
  onClose,
}: {
  title: string;
  shortcuts: Shortcut[];
  onClose(): void;
}) {
  return (
    <Modal title={title} onClose={onClose}>
      <table className="shortcuts-table">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={`${shortcut.keys.join('+')} ${shortcut.does}`}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' + ' : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Typing in a field (or a dialog open): single-key shortcuts stay out of the way. */
export function typingOrDialog(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.metaKey || event.ctrlKey || event.altKey) return true;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return true;
  return document.querySelector('dialog[open]') !== null;
}

/** `?` opens the shortcut list (not while typing); returns whether it is open and how to close it. */
export function useShortcutHelp(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || typingOrDialog(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return [open, setOpen];
}
