import type { ReactNode } from 'react';
import { useToast } from '../app/toasts';
import { ConfirmDialog } from './ConfirmDialog';

/** What a delete dialog's opener hears: the dialog was closed without deleting, or the thing is deleted. */
export interface DeleteDialogEvents {
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting `name`; once `remove` is done, a toast says it is deleted and `onDeleted` runs. */
export function DeleteDialog({
  title,
  confirmLabel,
  name,
  remove,
  onClose,
  onDeleted,
  children,
}: DeleteDialogEvents & {
  title: string;
  confirmLabel: string;
  name: string;
  remove: () => Promise<unknown>;
  children: ReactNode;
}) {
  const toast = useToast();
  async function confirm() {
    await remove();
    toast.success(`Deleted “${name}”`);
    onDeleted();
  }
  return (
    <ConfirmDialog title={title} confirmLabel={confirmLabel} onConfirm={confirm} onClose={onClose}>
      {children}
    </ConfirmDialog>
  );
}
