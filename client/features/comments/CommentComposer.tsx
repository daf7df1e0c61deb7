import type { PersonRef } from '../../../shared/schemas/rounds';
import { useT } from '../../i18n/I18nProvider';
import { AnchorContext } from './AnchorContext';
import type { CommentsRegistry } from './CommentsRegistry';
import { MessageForm } from './MessageForm';
import type { Composer } from './useComposer';

/**
 * The panel's composer: the form of a new thread while open, else the buttons that open it (on the
 * editor's selection inside an EditorRegistryProvider, or on the whole document).
 */
export function CommentComposer({
  composer,
  inputId,
  registry,
  people,
}: {
  composer: Composer;
  inputId: string;
  registry: CommentsRegistry | null;
  people: PersonRef[];
}) {
  const t = useT();
  return (
    <div className="comments-composer">
      {composer.open ? (
        <MessageForm
          className="comments-composer__form"
          testId="comment-composer"
          onSubmit={composer.submit}
          onClose={() => composer.close(true)}
          field={{
            id: inputId,
            label: t('comments.newLabel'),
            draft: composer.draft,
            onChange: composer.setDraft,
            people,
            textareaRef: composer.textareaRef,
            testId: 'comment-input',
          }}
          submitLabel={composer.sending ? t('comments.posting') : t('comments.post')}
          submitTestId="comment-submit"
          busy={composer.sending}
          error={composer.sendError}
        >
          <AnchorContext anchor={composer.open.anchor} state="attached" quote={null} />
        </MessageForm>
      ) : (
        <div className="button-row">
          {registry ? (
            <button
              type="button"
              className="button button--small"
              data-testid="comment-on-selection"
              aria-keyshortcuts="Control+Alt+M"
              // Keep the editor's selection: the button must not take it away on mousedown.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => registry.requestCompose('selection')}
            >
              {t('comments.onSelection')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small"
            data-testid="comment-on-document"
            onClick={() => composer.openOn(null)}
          >
            {t('comments.onDocument')}
          </button>
        </div>
      )}
      {composer.error ? (
        <p className="error-message" role="alert" data-testid="compose-error">
          {t(composer.error)}
        </p>
      ) : null}
      {registry && !composer.open ? <p className="field__hint">{t('comments.shortcutHint')}</p> : null}
    </div>
  );
}
