import { useId } from 'react';
import { RequireUser } from '../../auth/RequireUser';
import { PageShell } from '../../../app/PageShell';
import { SceneLoadGate } from '../../../app/SceneLoadGate';
import { ConceptBadge } from '../ConceptBadge';
import { TemplateFacts } from '../TemplateFacts';
import { getTemplateVersion, type TemplateVersionDetail } from '../templatesApi';
import { useLoadable } from '../../../api/useLoadable';
import { useT } from '../../../i18n/I18nProvider';
import { Link } from '../../../app/Link';
import { LIBRARY_PATH, templateVersionPath } from '../../../app/router';
import { CompareForm } from './CompareForm';
import { EstablishAction } from './EstablishAction';
import { ReviseActions } from './ReviseActions';
import { StartDesign } from './StartDesign';
import { TemplateContentView } from './TemplateContentView';

/** `/bibliotheek/:versionId`: one published version, read-only, with its siblings and actions. */
export function TemplateVersionScene({ versionId }: { versionId: string }) {
  return <RequireUser>{() => <VersionPage versionId={versionId} />}</RequireUser>;
}

function VersionPage({ versionId }: { versionId: string }) {
  const t = useT();
  const version = useLoadable(versionId, getTemplateVersion);

  return (
    <SceneLoadGate
      state={version.state}
      loadingLabel={t('version.loading')}
      unavailableTestId="version-unavailable"
      headings={{ 404: t('version.notFound') }}
      bodies={{ 404: t('version.notFoundBody') }}
      back={{ to: LIBRARY_PATH, label: t('version.toLibrary') }}
    >
      {(data) => <VersionView data={data} onChange={version.replace} />}
    </SceneLoadGate>
  );
}

function VersionView({
  data,
  onChange,
}: {
  data: TemplateVersionDetail;
  onChange: (data: TemplateVersionDetail) => void;
}) {
  const t = useT();
  const versionsId = useId();
  const noteId = useId();
  const title = data.title.trim() || t('template.untitled');
  const newest = data.versions[0];
  return (
    <PageShell title={`${title} ${data.version}`} wide>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={LIBRARY_PATH}>{t('header.library')}</Link>
          </li>
          <li aria-current="page">
            {title} {data.version}
          </li>
        </ol>
      </nav>
      <h1 data-testid="version-title">
        {title}{' '}
        {data.example ? (
          <span className="badge badge--example" data-testid="example-badge">
            {t('template.example')}
          </span>
        ) : null}
        <ConceptBadge established={data.established} />
      </h1>
      <TemplateFacts data={{ ...data, specialisation: data.content.specialisation }} />
      {newest && newest.id !== data.id ? (
        <p className="notice notice--info" data-testid="newer-version">
          {t('version.newer', { version: newest.version })}{' '}
          <Link to={templateVersionPath(newest.id)}>
            {t('version.toNewest', { version: newest.version })}
          </Link>
        </p>
      ) : null}
      {data.changeNote.trim() ? (
        <section className="change-note" aria-labelledby={noteId}>
          <h2 id={noteId}>{t('version.changeNote')}</h2>
          <p data-testid="change-note">{data.changeNote}</p>
        </section>
      ) : null}

      <div className="version-layout">
        <div className="version-layout__main">
          <TemplateContentView content={data.content} />
        </div>
        <aside className="version-layout__side" aria-label={t('version.versions')}>
          <section className="card side-card" aria-labelledby={versionsId}>
            <h2 id={versionsId}>{t('version.versions')}</h2>
            <ul className="version-list" data-testid="version-list">
              {data.versions.map((other) => (
                <li key={other.id}>
                  {other.id === data.id ? (
                    <span aria-current="page">
                      {t('template.version', { version: other.version })}{' '}
                      <span className="muted">{t('version.thisVersion')}</span>
                    </span>
                  ) : (
                    <Link to={templateVersionPath(other.id)}>
                      {t('template.version', { version: other.version })}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            <CompareForm current={data} />
          </section>
          <EstablishAction version={data} onEstablished={(state) => onChange({ ...data, ...state })} />
          <StartDesign version={data} />
          <ReviseActions version={data} />
        </aside>
      </div>
    </PageShell>
  );
}
