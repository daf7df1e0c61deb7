import { useId, useRef, useState, type FormEvent } from 'react';
import type { CommentMessage, PersonRef } from '../../../shared/schemas/rounds';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { deleteMessage, editMessage } from './commentsApi';
import { toApiError, type ApiError } from '../../api/request';
import { useT } from '../../i18n/I18nProvider';
import { bodyToDraft, draftToBody, parseBody } from './mentions';
import type { Draft } from './MentionTextarea';
import { MessageForm } from './MessageForm';

/**
 * A comment body with its @mentions as highlighted names. Only the people the server resolved
 * (who can see the document) are highlighted; any other mention stays plain text.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: PersonRef[] }) {
  const resolved = new Set(mentions.map((person) => person.id));
  return (
    <p className="comment-message__body">
      {parseBody(body).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : !resolved.has(part.userId) ? (
          <span key={index}>@{part.name}</span>
        ) : (
          <span key={index} className="mention" data-user-id={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}

/** One message of a thread; its author may edit it in place or delete it after confirming. */
export function MessageView({
  message,
  own,
  people,
  formatDate,
  onChanged,
}: {
  message: CommentMessage;
  own: boolean;
  people: PersonRef[];
  formatDate: (iso: string) => string;
  onChanged: (announcement?: string) => void;
}) {
  const t = useT();
  const editId = useId();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const name = message.author?.name ?? t('comments.unknownAuthor');

  // Closing the edit form (save, Escape, cancel) gives focus back to the button that opened it.
  const closeEditor = () => {
    setEditing(null);
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const body = draftToBody(editing.text, editing.people).trim();
    if (!body) return;
    setBusy(true);
    try {
      await editMessage(message.id, body);
      closeEditor();
      setError(null);
      onChanged(t('comments.edited'));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="comment-message" data-testid="comment-message" data-message-id={message.id}>
      <p className="comment-message__meta">
        <span className="comment-message__author">{name}</span>{' '}
        <time dateTime={message.createdAt}>{formatDate(message.createdAt)}</time>
        {message.editedAt && !message.deleted ? (
          <span className="comment-message__edited"> · {t('comments.editedMark')}</span>
        ) : null}
      </p>
      {message.deleted ? (
        <p className="comment-message__body comment-message__body--deleted">{t('comments.deletedMessage')}</p>
      ) : editing ? (
        <MessageForm
          onSubmit={save}
          onClose={closeEditor}
          field={{
            id: editId,
            label: t('comments.editLabel'),
            draft: editing,
            onChange: setEditing,
            people,
            textareaRef: editRef,
            testId: 'edit-input',
            rows: 2,
          }}
          submitLabel={t('common.save')}
          busy={busy}
        />
      ) : (
        <CommentBody body={message.body} mentions={message.mentions} />
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {own && !editing ? (
        <div className="button-row comment-message__actions">
          <button
            ref={editButtonRef}
            type="button"
            className="button button--small"
            data-testid="message-edit"
            onClick={() => {
              const current = bodyToDraft(message.body);
              setEditing({ text: current.text, people: current.people });
              requestAnimationFrame(() => editRef.current?.focus());
            }}
          >
            {t('comments.edit')}
            <span className="visually-hidden"> ({t('comments.messageOf', { name })})</span>
          </button>
          <ConfirmButton
            label={t('comments.delete')}
            context={`(${t('comments.messageOf', { name })})`}
            question={t('comments.confirmDelete')}
            testId="message-delete"
            onConfirm={() => {
              deleteMessage(message.id).then(
                () => onChanged(t('comments.deleted')),
                (caught: unknown) => setError(toApiError(caught)),
              );
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
