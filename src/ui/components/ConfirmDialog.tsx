// A modal question with two answers, on the native <dialog>: the browser traps focus, Escape
// answers "no" (the safe choice), and focus returns to where it was. Used where the app must not
// act without the user: a link that wants to download a model, an offer that would replace
// unsaved edits.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** true = confirmed; false = cancelled (button, Escape). */
  onAnswer: (confirmed: boolean) => void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onAnswer }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div className="row wrap dialog-buttons">
        <button type="button" className="secondary" autoFocus onClick={() => onAnswer(false)}>
          {cancelLabel}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
