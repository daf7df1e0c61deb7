import { useId, useState } from 'react';
import { isReadOnlyStatus } from '../../../shared/domain/lifecycle';
import { RequireUser } from '../../auth/RequireUser';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import { SceneLoadGate } from '../../components/SceneLoadGate';
import { searchCatalog } from '../../http/catalog';
import { getDesign, getTraject, setTrajectItems, trajectCsvUrl } from '../../http/designs';
import { toApiError, type ApiError } from '../../http/request';
import { listTeamDocuments } from '../../http/teams';
import { useLoadable } from '../../http/useLoadable';
import { useDateTimeFormat, useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { catalogEntryPath, designPath, teamPath, templateVersionPath } from '../../routing/router';
import { RuleList } from '../DesignEditor/DesignChecksPanel';
import { LifecyclePanel, StatusBadge, statusLabel } from '../DesignEditor/LifecyclePanel';
import { ItemButton } from '../OntwikkelpadEditor/ItemButton';
import { CoverageMatrix, CoveragePicture } from './CoverageMatrix';
import {
  changeTrajectStatus,
  getTrajectStatus,
  listTrajectVersions,
  type TrajectStatusInfo,
  type TrajectView as TrajectData,
} from './trajectApi';

/** `/trajecten/:id`: a professionaliseringstraject, its leerarrangementen and the coverage matrix. */
export function TrajectScene({ trajectId }: { trajectId: string }) {
  return <RequireUser>{() => <TrajectPage trajectId={trajectId} />}</RequireUser>;
}

/** A leerarrangement that can be added: the team's own, or another team's from the catalog. */
interface Candidate {
  id: string;
  title: string;
  /** Set for another team's approved design. */
  teamName: string | null;
}

/** The team's designs pinned to `versionId` (one request per design for its pinned version). */
async function teamDesigns(key: string): Promise<Candidate[]> {
  const [teamId = '', versionId = ''] = key.split('|');
  const documents = (await listTeamDocuments(teamId)).filter((doc) => doc.kind === 'leerarrangement');
  const infos = await Promise.all(documents.map((doc) => getDesign(doc.id).catch(() => null)));
  return infos.flatMap((info) =>
    info && info.template.id === versionId ? [{ id: info.id, title: info.title, teamName: null }] : [],
  );
}

/** Other teams' approved designs on `versionId`, from the public catalog. */
async function catalogDesigns(key: string): Promise<Candidate[]> {
  const [teamId = '', versionId = ''] = key.split('|');
  const items = await searchCatalog({ templateId: versionId });
  return items
    .filter((item) => item.team.id !== teamId && item.template.id === versionId)
    .map((item) => ({ id: item.id, title: item.title, teamName: item.team.name }));
}

const loadTraject = (id: string) => getTraject(id) as Promise<TrajectData>;

function TrajectPage({ trajectId }: { trajectId: string }) {
  const t = useT();
  const traject = useLoadable(trajectId, loadTraject);
  return (
    <SceneLoadGate
      state={traject.state}
      loadingLabel={t('traject.loading')}
      unavailableTestId="traject-unavailable"
      headings={{ 404: t('traject.notFound'), 403: t('traject.noAccess') }}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(data) => <TrajectView data={data} onChange={traject.replace} />}
    </SceneLoadGate>
  );
}

function TrajectView({ data, onChange }: { data: TrajectData; onChange: (data: TrajectData) => void }) {
  const t = useT();
  const number = useNumberFormat();
  const formatDate = useDateTimeFormat();
  const versionsId = useId();
  const status = useLoadable(data.id, getTrajectStatus);
  const [versionsSeen, setVersionsSeen] = useState(0);
  const versions = useLoadable(data.id, listTrajectVersions, versionsSeen);
  const statusInfo = status.state.status === 'ready' ? status.state.data : null;
  const frozen = isReadOnlyStatus(statusInfo?.status ?? data.status);
  const itemsId = useId();
  const availableId = useId();
  const catalogId = useId();
  const matrixId = useId();
  const checksId = useId();
  const totalsId = useId();
  const available = useLoadable(`${data.teamId}|${data.templateVersionId}`, teamDesigns);
  const fromCatalog = useLoadable(`${data.teamId}|${data.templateVersionId}`, catalogDesigns);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [groups, setGroups] = useState<Record<string, string>>({});

  const save = async (items: Array<{ designId: string; alternativeGroup: string | null }>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange((await setTrajectItems(data.id, items)) as TrajectData);
      // The gates depend on the items (at least one; each one's rules).
      status.reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const current = data.items.map((item) => ({
    designId: item.designId,
    alternativeGroup: item.alternativeGroup,
  }));
  const inTraject = new Set(current.map((item) => item.designId));
  const candidates =
    available.state.status === 'ready'
      ? available.state.data.filter((design) => !inTraject.has(design.id))
      : [];
  const catalogCandidates =
    fromCatalog.state.status === 'ready'
      ? fromCatalog.state.data.filter((design) => !inTraject.has(design.id))
      : [];
  const onStatusChanged = (next: TrajectStatusInfo) => {
    status.replace(next);
    setVersionsSeen((n) => n + 1);
    // The status decides whether the items may still change: fetch the traject again.
    void loadTraject(data.id).then(onChange, () => undefined);
  };
  const candidateList = (list: Candidate[], testId: string, labelledBy: string) => (
    <ul className="item-list" aria-labelledby={labelledBy} data-testid={testId}>
      {list.map((design) => {
        const name = design.title || t('design.untitled');
        return (
          <li key={design.id} className="item-list__item">
            <span className="item-list__title">{name}</span>
            {design.teamName ? (
              <span className="item-list__meta" data-testid="traject-from-team">
                {t('traject.fromTeam', { team: design.teamName })}
              </span>
            ) : null}
            <ItemButton
              label={t('traject.add')}
              context={name}
              disabled={busy}
              data-testid="traject-add"
              onClick={() => void save([...current, { designId: design.id, alternativeGroup: null }])}
            />
          </li>
        );
      })}
    </ul>
  );
  const move = (index: number, delta: -1 | 1) => {
    const next = [...current];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    void save(next);
  };

  return (
    <PageShell title={data.title} wide>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={teamPath(data.teamId)}>{t('editor.team')}</Link>
          </li>
          <li aria-current="page">{data.title}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t('traject.eyebrow')}</p>
      <h1 data-testid="traject-title">{data.title}</h1>
      <p>
        {t('traject.template')}:{' '}
        <Link to={templateVersionPath(data.template.id)}>
          {t('design.templateLink', { title: data.template.title, version: data.template.version })}
        </Link>
      </p>
      {statusInfo ? (
        <>
          {frozen ? (
            <p className="notice" data-testid="traject-frozen">
              {t('traject.frozen', { label: statusLabel(statusInfo.status, t) })}
            </p>
          ) : null}
          <LifecyclePanel
            info={statusInfo}
            canChange={statusInfo.canChange}
            changeStatus={(body) => changeTrajectStatus(data.id, body)}
            onChanged={onStatusChanged}
          />
        </>
      ) : status.state.status === 'error' ? (
        <ErrorMessage error={status.state.error} />
      ) : (
        <p className="muted">{t('traject.statusLoading')}</p>
      )}

      <section className="page-section" aria-labelledby={itemsId}>
        <h2 id={itemsId}>{t('traject.items')}</h2>
        <p className="field__hint">{t('traject.itemsHint')}</p>
        {data.items.length === 0 ? <p className="empty-state">{t('traject.itemsEmpty')}</p> : null}
        <ol className="item-list" data-testid="traject-items">
          {data.items.map((item, index) => {
            const name = item.title || t('design.untitled');
            const groupValue = groups[item.designId] ?? item.alternativeGroup ?? '';
            return (
              <li key={item.designId} className="item-list__item traject-item" data-testid="traject-item">
                <Link
                  to={item.source === 'catalog' ? catalogEntryPath(item.designId) : designPath(item.designId)}
                  className="item-list__title"
                >
                  {name}
                </Link>
                {item.source === 'catalog' && item.teamName ? (
                  <span className="item-list__meta" data-testid="traject-from-team">
                    {t('traject.fromTeam', { team: item.teamName })}
                  </span>
                ) : null}
                <span className="item-list__meta">
                  {t('traject.outcomes', { count: item.targetedOutcomeIds.length })} ·{' '}
                  {item.ects === null ? '—' : `${number(item.ects)} ECTS`} ·{' '}
                  {t('design.hoursValue', { hours: number(item.hours) })} ·{' '}
                  <StatusBadge status={item.status} />
                </span>
                {frozen ? null : (
                  <div className="traject-item__actions">
                    <label className="inline-label">
                      {t('traject.group')} <span className="muted">({t('traject.groupHint')})</span>
                      <input
                        type="text"
                        maxLength={100}
                        value={groupValue}
                        data-testid="traject-group"
                        onChange={(event) => setGroups({ ...groups, [item.designId]: event.target.value })}
                        onBlur={() => {
                          const value = groupValue.trim() || null;
                          if (value === item.alternativeGroup) return;
                          void save(
                            current.map((entry) =>
                              entry.designId === item.designId
                                ? { ...entry, alternativeGroup: value }
                                : entry,
                            ),
                          );
                        }}
                      />
                    </label>
                    <ItemButton
                      label={t('design.up')}
                      context={name}
                      disabled={index === 0 || busy}
                      onClick={() => move(index, -1)}
                    />
                    <ItemButton
                      label={t('design.down')}
                      context={name}
                      disabled={index === data.items.length - 1 || busy}
                      onClick={() => move(index, 1)}
                    />
                    <ItemButton
                      label={t('traject.remove')}
                      context={name}
                      disabled={busy}
                      data-testid="traject-remove"
                      onClick={() => void save(current.filter((entry) => entry.designId !== item.designId))}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {frozen ? null : (
          <>
            <h3 id={availableId}>{t('traject.available')}</h3>
            {available.state.status === 'ready' && candidates.length === 0 ? (
              <p className="muted">{t('traject.availableEmpty')}</p>
            ) : null}
            {candidateList(candidates, 'traject-available', availableId)}
            <h3 id={catalogId}>{t('traject.availableCatalog')}</h3>
            {fromCatalog.state.status === 'ready' && catalogCandidates.length === 0 ? (
              <p className="muted">{t('traject.availableCatalogEmpty')}</p>
            ) : null}
            {candidateList(catalogCandidates, 'traject-available-catalog', catalogId)}
          </>
        )}
        {busy ? <p role="status">{t('traject.saving')}</p> : null}
        {error ? <ErrorMessage error={error} /> : null}
      </section>

      <section className="page-section" aria-labelledby={checksId}>
        <h2 id={checksId}>{t('traject.checks')}</h2>
        <RuleList results={data.checks} interactive={false} testId="traject-check" />
      </section>

      <section className="page-section" aria-labelledby={matrixId}>
        <h2 id={matrixId}>{t('traject.matrix')}</h2>
        <CoverageMatrix data={data} />
        <p>
          <a
            href={trajectCsvUrl(data.id)}
            download="dekkingsmatrix.csv"
            className="button"
            data-testid="matrix-csv"
          >
            {t('traject.csv')}
          </a>
        </p>
        <h3>{t('traject.picture')}</h3>
        <CoveragePicture data={data} />
      </section>

      <section className="page-section" aria-labelledby={totalsId}>
        <h2 id={totalsId}>{t('traject.totals')}</h2>
        <dl className="facts" data-testid="traject-totals">
          <div>
            <dt>{t('traject.totalEcts')}</dt>
            <dd>{number(data.totals.ects)}</dd>
          </div>
          <div>
            <dt>{t('traject.totalHours')}</dt>
            <dd>{number(data.totals.hours)}</dd>
          </div>
          <div>
            <dt>{t('traject.totalDrafts')}</dt>
            <dd>{data.totals.drafts}</dd>
          </div>
        </dl>
      </section>

      <section className="page-section" aria-labelledby={versionsId}>
        <h2 id={versionsId}>{t('traject.versions')}</h2>
        <p className="field__hint">{t('traject.versionsHint')}</p>
        {versions.state.status === 'error' ? <ErrorMessage error={versions.state.error} /> : null}
        {versions.state.status === 'ready' && versions.state.data.length === 0 ? (
          <p className="empty-state">{t('traject.versionsEmpty')}</p>
        ) : null}
        {versions.state.status === 'ready' && versions.state.data.length > 0 ? (
          <ol className="item-list" data-testid="traject-versions">
            {versions.state.data.map((version) => (
              <li key={version.id} className="item-list__item">
                <span className="item-list__title">{version.label}</span>
                <span className="item-list__meta">
                  {version.snapshot.items.length === 1
                    ? t('traject.versionMetaOne', { time: formatDate(version.createdAt) })
                    : t('traject.versionMeta', {
                        count: version.snapshot.items.length,
                        time: formatDate(version.createdAt),
                      })}
                </span>
                {version.note ? <p className="prewrap">{version.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </PageShell>
  );
}
