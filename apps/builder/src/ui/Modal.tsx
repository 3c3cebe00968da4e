import { type ReactNode, useEffect, useRef } from 'react';
import { Icon } from './icons';

const FIELDS = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/**
 * What a dialog focuses first: an element marked `data-autofocus`, else its first field, else its primary
 * action, else its first action — never the close button (the browser's choice, being the first focusable).
 */
export function firstMeaningful(dialog: HTMLElement): HTMLElement | null {
  const body = dialog.querySelector<HTMLElement>('.modal-body') ?? dialog;
  return (
    body.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ??
    body.querySelector<HTMLElement>(FIELDS) ??
    body.querySelector<HTMLElement>('.btn-primary:not(:disabled)') ??
    // No field nor primary action (a deletion): the first action, so Enter never deletes by surprise.
    body.querySelector<HTMLElement>('.modal-actions button:not(:disabled)') ??
    body.querySelector<HTMLElement>('button:not(:disabled), a[href]')
  );
}

/** A dialog's buttons: Cancel, which closes it, then the dialog's own action. */
export function ModalActions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  return (
    <div className="modal-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      {children}
    </div>
  );
}

/** A native modal dialog: focus is trapped, Escape closes it, and focus starts on what the dialog is for. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // Content may arrive later (loaded): move focus once it does, unless the person already moved it.
    const unclaimed = () =>
      document.activeElement === dialog ||
      document.activeElement === document.body ||
      dialog.querySelector('.modal-header')?.contains(document.activeElement) === true;
    const place = () => {
      const target = unclaimed() ? firstMeaningful(dialog) : null;
      if (target) {
        target.focus();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(place);
    observer.observe(dialog, { childList: true, subtree: true });
    place();
    return () => observer.disconnect();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
