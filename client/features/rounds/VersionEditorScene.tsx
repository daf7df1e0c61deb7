import type { VersionProjection } from '../../../shared/domain/versions/projection';
import { RequireUser } from '../auth/RequireUser';
import { PageShell } from '../../app/PageShell';
import { VersionView } from '../versions/VersionView';
import { getDocument, type DocumentWithAccess } from '../documents/documentsApi';
import { toApiError, type ApiError } from '../../api/request';
import { getVersionState } from './roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { getVersion, type VersionDetail } from '../versions/versionsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { FrozenDocument } from './FrozenDocument';
import { RoundLoadGate } from './RoundLoadGate';
import { BackToEditor } from './shared';
import { OutlineLayout } from '../outline/OutlineLayout';

interface LoadedVersion {
  document: DocumentWithAccess;
  version: VersionDetail;
  /** null when the server cannot hand out the version's Yjs state (then: the plain view). */
  state: Uint8Array | null;
  stateError: ApiError | null;
}

async function loadVersion(key: string): Promise<LoadedVersion> {
  const [docId = '', versionId = ''] = key.split('\n');
  const [document, version] = await Promise.all([getDocument(docId), getVersion(docId, versionId)]);
  try {
    return { document, version, state: await getVersionState(docId, versionId), stateError: null };
  } catch (error) {
    return { document, version, state: null, stateError: toApiError(error) };
  }
}

/**
 * `/ontwerpen/:docId/versies/:versionId` and `/d/:docId/versies/:versionId`: one saved version in
 * the real editor, read-only, for the document's team.
 */
export function VersionEditorScene({ docId, versionId }: { docId: string; versionId: string }) {
  return <RequireUser>{() => <VersionLoader docId={docId} versionId={versionId} />}</RequireUser>;
}

function VersionLoader({ docId, versionId }: { docId: string; versionId: string }) {
  const t = useT();
  const loaded = useLoadable(`${docId}\n${versionId}`, loadVersion);
  return (
    <RoundLoadGate
      state={loaded.state}
      title={t('rounds.loadingVersion')}
      loadingTestId="document-loading"
      errorTitle={t('error.title')}
      unavailableTestId="document-unavailable"
      notFound="document"
    >
      {(data) => <VersionPage loaded={data} />}
    </RoundLoadGate>
  );
}

function VersionPage({ loaded }: { loaded: LoadedVersion }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const { document, version, state } = loaded;
  const projection: VersionProjection = version.json;
  const title = projection.title || document.title;
  return (
    <PageShell title={t('rounds.versionPageTitle', { label: version.label, title })} wide>
      <BackToEditor document={document} title={title} />
      <p className="notice notice--info" data-testid="version-banner">
        {t('rounds.versionBanner', {
          label: version.label,
          time: formatDate(version.createdAt),
          author: version.authorName ?? t('versions.unknownAuthor'),
        })}
      </p>
      <OutlineLayout>
        {projection.kind === 'document' || !state ? <h1>{title}</h1> : null}
        {state ? (
          <FrozenDocument docId={document.id} projection={projection} state={state} />
        ) : (
          <>
            <p className="muted" data-testid="version-state-missing">
              {t('rounds.stateMissing')}
            </p>
            <VersionView projection={projection} />
          </>
        )}
      </OutlineLayout>
    </PageShell>
  );
}
