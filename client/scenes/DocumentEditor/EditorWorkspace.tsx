import { useEffect, useId } from 'react';
import {
  useAwarenessUser,
  useDocumentReady,
  useDocumentTitle,
  usePresence,
  useSaveState,
  useSections,
} from '../../realtime/hooks';
import { useIdentity } from '../../realtime/identity';
import type { CollabSession } from '../../realtime/session';
import { useCollabSession } from '../../realtime/useCollabSession';
import { AppHeader } from '../../components/AppHeader';
import { PresenceBar } from '../../components/PresenceBar';
import { SaveStatusIndicator } from '../../components/SaveStatusIndicator';
import { SectionEditor } from '../../editor/SectionEditor';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { Main } from '../../components/Main';

/** Opens the collaborative session for `docId` and shows the document once it is open. */
export function EditorWorkspace({ docId }: { docId: string }) {
  const t = useT();
  const { identity } = useIdentity();
  const session = useCollabSession(docId, identity);
  if (!session) {
    return (
      <>
        <AppHeader />
        <Main className="page">
          <p className="muted" data-testid="document-loading">
            {t('editor.loading')}
          </p>
        </Main>
      </>
    );
  }
  return <OpenDocument key={session.ydoc.guid} session={session} />;
}

function OpenDocument({ session }: { session: CollabSession }) {
  const t = useT();
  const { identity } = useIdentity();
  useAwarenessUser(session, identity);
  const saveState = useSaveState(session);
  const users = usePresence(session);
  const sections = useSections(session);
  const ready = useDocumentReady(session, sections.length > 0);
  const [title, setTitle] = useDocumentTitle(session);
  const shownTitle = title.trim() || t('list.untitled');

  useEffect(() => {
    document.title = `${shownTitle} — ${t('app.name')}`;
  }, [shownTitle, t]);

  return (
    <>
      <AppHeader>
        <Link to="/" className="back-link">
          <span aria-hidden="true">← </span>
          {t('editor.back')}
        </Link>
        <div className="field field--inline title-field">
          <label htmlFor="document-title">{t('editor.titleLabel')}</label>
          <input
            id="document-title"
            type="text"
            maxLength={200}
            autoComplete="off"
            value={title}
            disabled={!ready}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <SaveStatusIndicator state={saveState} />
        <PresenceBar users={users} />
      </AppHeader>
      <Main className="page page--document">
        <h1 className="visually-hidden">{shownTitle}</h1>
        {!ready ? (
          <p className="muted" data-testid="document-loading">
            {t('editor.loading')}
          </p>
        ) : sections.length === 0 ? (
          <p className="empty-state">{t('editor.noSections')}</p>
        ) : (
          <div className="sections">
            {sections.map((section) => (
              <DocumentSection key={section.id} session={session} id={section.id} heading={section.heading} />
            ))}
          </div>
        )}
      </Main>
    </>
  );
}

function DocumentSection({ session, id, heading }: { session: CollabSession; id: string; heading: string }) {
  const { identity } = useIdentity();
  const headingId = useId();
  return (
    <section className="doc-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="doc-section__heading">
        {heading}
      </h2>
      <SectionEditor session={session} sectionId={id} heading={heading} user={identity} />
    </section>
  );
}
