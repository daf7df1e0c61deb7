import { useId, useState } from 'react';
import { isReadOnlyStatus } from '../../../shared/domain/lifecycle';
import { RequireUser } from '../auth/RequireUser';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { SceneLoadGate } from '../../app/SceneLoadGate';
import { getTraject, trajectCsvUrl } from '../designs/designsApi';
import { useLoadable } from '../../api/useLoadable';
import { useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { certificatePath, teamPath, templateVersionPath } from '../../app/router';
import { RuleList } from '../designs/DesignChecksPanel';
import { LifecyclePanel, statusLabel } from '../designs/LifecyclePanel';
import { CoverageMatrix, CoveragePicture } from './CoverageMatrix';
import {
  changeTrajectStatus,
  getTrajectStatus,
  type TrajectStatusInfo,
  type TrajectView as TrajectData,
} from './trajectsApi';
import { TrajectItems } from './TrajectItems';
import { TrajectVersions } from './TrajectVersions';
import { OutlineLayout } from '../outline/OutlineLayout';
import { TermHelp } from '../../ui/TermHelp';

/** `/trajecten/:id`: a professionaliseringstraject, its leerarrangementen and the coverage matrix. */
export function TrajectScene({ trajectId }: { trajectId: string }) {
  return <RequireUser>{() => <TrajectPage trajectId={trajectId} />}</RequireUser>;
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
  const status = useLoadable(data.id, getTrajectStatus);
  const [versionsSeen, setVersionsSeen] = useState(0);
  const statusInfo = status.state.status === 'ready' ? status.state.data : null;
  const frozen = isReadOnlyStatus(statusInfo?.status ?? data.status);
  const matrixId = useId();
  const checksId = useId();
  const totalsId = useId();

  // Alternatives make the study load a range: the lightest to the heaviest route.
  const range = (min: number, max: number) =>
    min === max ? number(min) : t('frames.range', { min: number(min), max: number(max) });

  const onStatusChanged = (next: TrajectStatusInfo) => {
    status.replace(next);
    setVersionsSeen((n) => n + 1);
    // The status decides whether the items may still change: fetch the traject again.
    void loadTraject(data.id).then(onChange, () => undefined);
  };

  return (
    <PageShell title={data.title} wide>
      <OutlineLayout results={data.checks}>
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
        <TermHelp term="traject" />
        <p>
          {t('traject.template')}:{' '}
          <Link to={templateVersionPath(data.template.id)}>
            {t('design.templateLink', { title: data.template.title, version: data.template.version })}
          </Link>
        </p>
        {data.template.established ? null : (
          <p className="notice notice--warning" data-testid="template-concept">
            {t('frames.notEstablishedTraject')}
          </p>
        )}
        <p>
          <Link to={certificatePath('traject', data.id)} data-testid="open-certificate">
            {t('certificate.open')}
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

        <TrajectItems
          data={data}
          frozen={frozen}
          canRecordAgreements={statusInfo?.canChange ?? false}
          onSaved={(saved) => {
            onChange(saved);
            // The gates depend on the items (at least one; each one's rules).
            status.reload();
          }}
        />

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
              <dd data-testid="traject-total-ects">{range(data.totals.ects, data.totals.ectsMax)}</dd>
            </div>
            <div>
              <dt>{t('traject.totalHours')}</dt>
              <dd>{range(data.totals.hours, data.totals.hoursMax)}</dd>
            </div>
            <div>
              <dt>{t('traject.totalDrafts')}</dt>
              <dd>{data.totals.drafts}</dd>
            </div>
          </dl>
          <p className="field__hint">{t('frames.totalsHint')}</p>
        </section>

        <TrajectVersions trajectId={data.id} seen={versionsSeen} />
      </OutlineLayout>
    </PageShell>
  );
}
