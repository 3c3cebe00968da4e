import { createContext, type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useRequiredContext } from '../ui/required-context';

export type ToastKind = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

export interface Toaster {
  show(kind: ToastKind, text: string): void;
  success(text: string): void;
  /** Shows the runtime's message for an ApiError, or the error's text. */
  error(error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  return useRequiredContext(ToastContext, 'useToast outside ToastProvider');
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (kind: ToastKind, text: string) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { id, kind, text }]);
      window.setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 3500);
    },
    [dismiss],
  );
  const toaster = useMemo<Toaster>(
    () => ({ show, success: (text) => show('success', text), error: (e) => show('error', errorMessage(e)) }),
    [show],
  );

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{toast.text}</span>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
