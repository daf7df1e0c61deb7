import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { CancelButton } from '../../ui/CancelButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { ApiError } from '../../api/request';
import { MentionTextarea } from './MentionTextarea';

/**
 * The form around a comment text (a new thread, a reply, an edit): the text with @mentions, the
 * submit button and "Annuleren"; Escape anywhere in the form closes it like "Annuleren".
 */
export function MessageForm({
  onSubmit,
  onClose,
  field,
  submitLabel,
  submitTestId,
  busy,
  error,
  className,
  testId,
  children,
}: {
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  field: ComponentProps<typeof MentionTextarea>;
  submitLabel: string;
  submitTestId?: string;
  busy: boolean;
  /** A failed send, shown between the text and the buttons. */
  error?: ApiError | null;
  className?: string;
  testId?: string;
  /** Shown above the text (what the comment is about). */
  children?: ReactNode;
}) {
  return (
    <form
      className={className}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
      data-testid={testId}
    >
      {children}
      <MentionTextarea {...field} />
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy}
          data-testid={submitTestId}
        >
          {submitLabel}
        </button>
        <CancelButton small onCancel={onClose} />
      </div>
    </form>
  );
}
