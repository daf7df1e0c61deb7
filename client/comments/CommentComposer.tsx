import type { PersonRef } from '../../shared/schemas/feedback';
import { ErrorMessage } from '../components/ErrorMessage';
import { useT } from '../i18n/I18nProvider';
import { AnchorContext } from './AnchorContext';
import type { CommentsRegistry } from './CommentsRegistry';
import { MentionTextarea } from './MentionTextarea';
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
        <form
          className="comments-composer__form"
          onSubmit={composer.submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              composer.close(true);
            }
          }}
          data-testid="comment-composer"
        >
          <AnchorContext anchor={composer.open.anchor} state="attached" quote={null} />
          <MentionTextarea
            id={inputId}
            label={t('comments.newLabel')}
            draft={composer.draft}
            onChange={composer.setDraft}
            people={people}
            textareaRef={composer.textareaRef}
            testId="comment-input"
          />
          {composer.sendError ? <ErrorMessage error={composer.sendError} /> : null}
          <div className="button-row">
            <button
              type="submit"
              className="button button--primary button--small"
              disabled={composer.sending}
              data-testid="comment-submit"
            >
              {composer.sending ? t('comments.posting') : t('comments.post')}
            </button>
            <button type="button" className="button button--small" onClick={() => composer.close(true)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
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
