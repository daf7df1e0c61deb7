import { DEFAULT_HOURS_PER_ECTS } from '../../../shared/domain/design/types';
import { useEffect, useMemo, useState } from 'react';
import type { VersionProjection } from '../../../shared/domain/versions/projection';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { VersionView } from '../versions/VersionView';
import type { DesignInfo } from '../designs/designsApi';
import { toApiError, type ApiError } from '../../api/request';
import {
  getTemplateVersion,
  type TemplateVersionDetail,
  type TemplateVersionSummary,
} from '../templates/templatesApi';
import { useT } from '../../i18n/I18nProvider';
import { useSections } from '../../collab/hooks';
import type { AwarenessUser, CollabSession } from '../../collab/session';
import { openStaticSession } from '../../collab/staticSession';
import { DesignForm } from '../designs/DesignForm';
import { DocumentSections } from '../documents/DocumentSections';
import { DraftEditor } from '../templates/editor/DraftEditor';
import { useDraftView } from '../templates/editor/draftView';

const NO_VERSIONS: TemplateVersionSummary[] = [];

/** Someone reading a frozen version: their carets go nowhere, but the editors want a user. */
const READER: AwarenessUser = { name: '', color: '#5a5a5a' };

/**
 * A saved state shown in the real editors, read-only: the design form for a leerarrangement, the
 * section editors for a document, the draft editor for an ontwikkelpad draft. Nothing connects
 * (see openStaticSession). A design whose template is unknown falls back to the plain read-only
 * view of the version.
 */
export function FrozenDocument({
  docId,
  projection,
  state,
  onSession,
}: {
  docId: string;
  projection: VersionProjection;
  state: Uint8Array;
  /** The local Y.Doc's session once open (for the comments panel). */
  onSession?: (session: CollabSession | null) => void;
}) {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openStaticSession(docId, state);
    // The local Y.Doc is the external thing this effect opens and frees; its handle has to reach
    // render (as in useCollabSession).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(opened);
    onSession?.(opened);
    return () => {
      onSession?.(null);
      setSession(null);
      opened.destroy();
    };
    // onSession is a notification, not an input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId, state]);
  if (!session) return null;
  return (
    <div className="frozen-document" data-testid="frozen-document" data-kind={projection.kind}>
      {projection.kind === 'leerarrangement' && projection.template ? (
        <FrozenDesign key={session.ydoc.guid} session={session} projection={projection} />
      ) : projection.kind === 'document' ? (
        <FrozenSections key={session.ydoc.guid} session={session} />
      ) : projection.kind === 'ontwikkelpad' ? (
        <FrozenDraft key={session.ydoc.guid} session={session} />
      ) : (
        <VersionView projection={projection} />
      )}
    </div>
  );
}

function FrozenDraft({ session }: { session: CollabSession }) {
  const view = useDraftView(session.ydoc);
  return (
    <DraftEditor
      session={session}
      view={view}
      user={READER}
      editable={false}
      canPublish={false}
      saveState="saved"
      versions={NO_VERSIONS}
      onPublished={() => undefined}
    />
  );
}

function FrozenSections({ session }: { session: CollabSession }) {
  const sections = useSections(session);
  return <DocumentSections session={session} sections={sections} user={READER} editable={false} />;
}

function FrozenDesign({
  session,
  projection,
}: {
  session: CollabSession;
  projection: Extract<VersionProjection, { kind: 'leerarrangement' }>;
}) {
  const t = useT();
  const sections = useSections(session);
  const templateId = projection.template?.id ?? '';
  const [template, setTemplate] = useState<TemplateVersionDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    getTemplateVersion(templateId).then(
      (loaded) => !cancelled && setTemplate(loaded),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [templateId]);
  const loaded = useMemo(() => {
    if (!template) return null;
    const { content, versions: _versions, ...summary } = template;
    const info: DesignInfo = {
      id: session.docId,
      docId: session.docId,
      teamId: null,
      kind: 'leerarrangement',
      title: projection.title,
      createdAt: '',
      updatedAt: '',
      template: summary,
      // The version names the outcomes it targets, earlier ones too.
      earlierOutcomes: projection.outcomes,
      newerTemplate: null,
      origin: 'nieuw',
      // The version does not carry the server's norm; the default is what it shows.
      hoursPerEcts: DEFAULT_HOURS_PER_ECTS,
      role: 'viewer',
      capabilities: [],
    };
    return { info, template: content };
  }, [template, session.docId, projection.title, projection.outcomes]);
  if (error) {
    return (
      <>
        <ErrorMessage error={error} />
        <VersionView projection={projection} />
      </>
    );
  }
  if (!loaded) return <p className="muted">{t('rounds.loadingVersion')}</p>;
  return (
    <DesignForm
      session={session}
      loaded={loaded}
      sections={sections}
      user={READER}
      editable={false}
      onReload={() => undefined}
    />
  );
}
