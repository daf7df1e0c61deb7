import { useCallback, useId, useState } from 'react';
import { useAnnouncer } from '../../../ui/useAnnouncer';
import { TEMPLATE_KEYS } from '../../../../shared/editor/templateDoc';
import { RichTextEditor } from '../../../editor/RichTextEditor';
import type { TemplateVersionSummary } from '../templatesApi';
import { useT } from '../../../i18n/I18nProvider';
import type { SaveState } from '../../../collab/SaveTracker';
import type { AwarenessUser, CollabSession } from '../../../collab/session';
import { Link } from '../../../app/Link';
import { templateVersionPath } from '../../../app/router';
import { ChecksPanel } from './ChecksPanel';
import type { DraftView } from './draftView';
import { GeneralFields } from './GeneralFields';
import { PublishDialog } from './PublishDialog';
import { RubricEditor } from './RubricEditor';
import { SectionsEditor } from './SectionsEditor';
import { ThemesEditor } from './ThemesEditor';
import { usePublishChecks } from './usePublishChecks';

/** The form of an open, loaded draft and its side panel (checks, publishing, versions). */
export function DraftEditor({
  session,
  view,
  user,
  editable,
  canPublish,
  saveState,
  versions,
  onPublished,
}: {
  session: CollabSession;
  view: DraftView;
  user: AwarenessUser;
  editable: boolean;
  canPublish: boolean;
  saveState: SaveState;
  versions: TemplateVersionSummary[];
  onPublished: () => void;
}) {
  const t = useT();
  const doc = session.ydoc;
  const suggestionsId = useId();
  const suggestionsHintId = useId();
  const versionsId = useId();
  const problems = usePublishChecks(doc);
  const [message, announce] = useAnnouncer();
  const [publishing, setPublishing] = useState(false);
  const closePublish = useCallback(() => setPublishing(false), []);
  const shownTitle = view.title.trim() || t('template.untitled');

  return (
    <>
      <p className="eyebrow">{t('templateEditor.draft')}</p>
      <h1 data-testid="draft-title">{shownTitle}</h1>
      <p role="status" className="visually-hidden" data-testid="announcer">
        {message}
      </p>
      <div className="draft-layout">
        <div className="draft-layout__main">
          <GeneralFields session={session} view={view} user={user} editable={editable} />
          <ThemesEditor doc={doc} view={view} editable={editable} announce={announce} />
          <RubricEditor doc={doc} view={view} editable={editable} />
          <section className="draft-section" aria-labelledby={suggestionsId}>
            <h2 id={suggestionsId}>{t('templateEditor.suggestions')}</h2>
            <p id={suggestionsHintId} className="muted">
              {t('templateEditor.suggestionsHint')}
            </p>
            <RichTextEditor
              session={session}
              field={TEMPLATE_KEYS.suggestions}
              editorId="op-suggestions-editor"
              label={t('templateEditor.suggestions')}
              describedBy={suggestionsHintId}
              user={user}
              editable={editable}
              testId="op-suggestions"
            />
          </section>
          <SectionsEditor doc={doc} view={view} editable={editable} announce={announce} />
        </div>
        <aside className="draft-layout__side" aria-label={t('checks.heading')}>
          <div className="draft-layout__sticky">
            <ChecksPanel problems={problems} interactive={editable} />
            {canPublish ? (
              <p>
                <button
                  type="button"
                  className="button button--primary button--wide"
                  data-testid="publish-open"
                  onClick={() => setPublishing(true)}
                >
                  {t('publish.open')}
                </button>
              </p>
            ) : null}
            <section className="card side-card" aria-labelledby={versionsId} data-testid="draft-versions">
              <h2 id={versionsId}>{t('templateEditor.versionsHeading')}</h2>
              {versions.length === 0 ? (
                <p className="muted">{t('templateEditor.noVersions')}</p>
              ) : (
                <ul className="version-list">
                  {versions.map((version) => (
                    <li key={version.id}>
                      <Link to={templateVersionPath(version.id)}>
                        {t('templateEditor.viewVersion', { version: version.version })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </aside>
      </div>
      {canPublish ? (
        <PublishDialog
          open={publishing}
          onClose={closePublish}
          docId={session.docId}
          doc={doc}
          saveState={saveState}
          onPublished={onPublished}
        />
      ) : null}
    </>
  );
}
