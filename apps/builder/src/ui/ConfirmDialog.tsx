import { type ReactNode, useState } from 'react';
import { useToast } from '../app/toasts';
import { Modal, ModalActions } from './Modal';

/**
 * Asks before an action: Cancel, or the action's own button. While the action runs the button is disabled;
 * if it fails the reason is shown as a toast and the dialog stays open for another try.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  tone = 'danger',
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** Runs the action; resolves once it is done (the caller then closes the dialog). */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      toast.error(error);
      setBusy(false);
    }
  }

  return (
    <Modal title={title} onClose={onClose}>
      <p>{children}</p>
      <ModalActions onCancel={onClose}>
        <button type="button" className={`btn btn-${tone}`} onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </ModalActions>
    </Modal>
  );
}
