import { useId } from 'react';
import { parseVersion } from '../../../../shared/domain/template/versioning';
import { RequireUser } from '../../auth/RequireUser';
import { PageShell } from '../../../app/PageShell';
import { SceneLoadGate } from '../../../app/SceneLoadGate';
import { TemplateChangeList } from '../TemplateChangeList';
import { getTemplateDiff, type TemplateDiff, type TemplateVersionSummary } from '../templatesApi';
import { useLoadable } from '../../../api/useLoadable';
import { useT } from '../../../i18n/I18nProvider';
import { Link } from '../../../app/Link';
import { LIBRARY_PATH, templateVersionPath } from '../../../app/router';
import { SideBySide } from './SideBySide';

/** Whether `a` came after `b`: by number within one ontwikkelpad, else by publication time. */
function isNewer(a: TemplateVersionSummary, b: TemplateVersionSummary): boolean {
  const va = parseVersion(a.version);
  const vb = parseVersion(b.version);
  if (a.templateKey === b.templateKey && va && vb) {
    return va.major > vb.major || (va.major === vb.major && va.minor > vb.minor);
  }
  return a.publishedAt > b.publishedAt;
}

/**
 * The changes always read from the older to the newer version, whichever order the URL names them
 * in: the server diffs `against` → `:id`, so ask again the other way round when needed.
 */
async function loadComparison(key: string): Promise<TemplateDiff> {
  const [versionId = '', otherId = ''] = key.split('\n');
  const first = await getTemplateDiff(versionId, otherId);
  return isNewer(first.from, first.to) ? getTemplateDiff(otherId, versionId) : first;
}

/** `/bibliotheek/:versionId/vergelijk/:otherId`: what changed, as a list and side by side. */
export function TemplateDiffScene({ versionId, otherId }: { versionId: string; otherId: string }) {
  return <RequireUser>{() => <DiffPage versionId={versionId} otherId={otherId} />}</RequireUser>;
}

function DiffPage({ versionId, otherId }: { versionId: string; otherId: string }) {
  const t = useT();
  const diff = useLoadable(`${versionId}\n${otherId}`, loadComparison);

  return (
    <SceneLoadGate
      state={diff.state}
      loadingLabel={t('templateDiff.loading')}
      unavailableTestId="diff-unavailable"
      headings={{ 404: t('version.notFound') }}
      bodies={{ 404: t('version.notFoundBody') }}
      back={{ to: LIBRARY_PATH, label: t('version.toLibrary') }}
    >
      {(data) => <DiffView diff={data} currentId={versionId} />}
    </SceneLoadGate>
  );
}

function DiffView({ diff, currentId }: { diff: TemplateDiff; currentId: string }) {
  const t = useT();
  const changesId = useId();
  const sideId = useId();
  const { from, to, changes } = diff;
  const title = to.title.trim() || t('template.untitled');
  const current = from.id === currentId ? from : to;
  const same = from.id === to.id;
  return (
    <PageShell title={`${t('templateDiff.pageTitle')}: ${title} ${from.version} → ${to.version}`} wide>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={LIBRARY_PATH}>{t('header.library')}</Link>
          </li>
          <li>
            <Link to={templateVersionPath(current.id)}>
              {current.title.trim() || t('template.untitled')} {current.version}
            </Link>
          </li>
          <li aria-current="page">{t('templateDiff.pageTitle')}</li>
        </ol>
      </nav>
      <h1>{t('templateDiff.heading', { title })}</h1>
      <p className="lead" data-testid="diff-range">
        {t('templateDiff.fromTo', { from: from.version, to: to.version })}
      </p>
      {same ? <p className="notice notice--info">{t('templateDiff.same')}</p> : null}
      {from.templateKey !== to.templateKey ? (
        <p className="notice notice--info">
          {t('templateDiff.otherTemplate', { from: from.title, to: to.title })}
        </p>
      ) : null}

      <section className="page-section" aria-labelledby={changesId}>
        <h2 id={changesId}>{t('templateDiff.changesHeading')}</h2>
        {changes.length === 0 ? (
          <p className="empty-state" data-testid="diff-none">
            {t('templateDiff.noChanges')}
          </p>
        ) : (
          <TemplateChangeList changes={changes} labelledBy={changesId} />
        )}
      </section>

      {changes.length > 0 ? (
        <section className="page-section" aria-labelledby={sideId}>
          <h2 id={sideId}>{t('templateDiff.sideBySide')}</h2>
          <p className="muted">{t('templateDiff.sideBySideIntro', { from: from.version, to: to.version })}</p>
          <SideBySide changes={changes} fromVersion={from.version} toVersion={to.version} />
        </section>
      ) : null}
    </PageShell>
  );
}
