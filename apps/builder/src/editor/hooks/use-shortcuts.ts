import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  group(): void;
  ungroup(): void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * Editor keyboard shortcuts (Ctrl or ⌘): Z undo, Shift+Z / Y redo, C copy, V paste, D duplicate, A select all,
 * G group, Shift+G ungroup.
 */
export function useEditorShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      const action =
        key === 'z' && event.shiftKey
          ? 'redo'
          : key === 'z'
            ? 'undo'
            : key === 'y'
              ? 'redo'
              : key === 'c'
                ? 'copy'
                : key === 'v'
                  ? 'paste'
                  : key === 'd'
                    ? 'duplicate'
                    : key === 'a'
                      ? 'selectAll'
                      : key === 'g'
                        ? event.shiftKey
                          ? 'ungroup'
                          : 'group'
                        : null;
      if (!action) return;
      if (action === 'copy' && window.getSelection()?.toString()) return; // let text copy work
      event.preventDefault();
      ref.current[action]();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
