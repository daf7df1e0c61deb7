import { useId, useReducer } from 'react';
import { RequireUser } from '../auth/RequireUser';
import { PageShell } from '../../app/PageShell';
import { SceneLoadGate } from '../../app/SceneLoadGate';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { VersionView } from '../versions/VersionView';
import { DecisionForm } from './DecisionForm';
import { JudgementForm } from './JudgementForm';
import { getReview, type ReviewDetail } from './reviewApi';

/**
 * `/toetsing/:assignmentId`: a toetsingscommissie's page of one submission — the frozen submitted
 * version, the judgement per criterion of the quality frame and the decision.
 */
export function ExternalReviewScene({ assignmentId }: { assignmentId: string }) {
  return <RequireUser>{() => <ReviewPage assignmentId={assignmentId} />}</RequireUser>;
}

function ReviewPage({ assignmentId }: { assignmentId: string }) {
  const t = useT();
  const [version, reload] = useReducer((n: number) => n + 1, 0);
  const review = useLoadable(assignmentId, getReview, version);
  return (
    <SceneLoadGate
      state={review.state}
      loadingLabel={t('review.loading')}
      unavailableTestId="review-unavailable"
      headings={{ 404: t('team.notFound'), 403: t('team.noAccess') }}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(data) => <ReviewContent data={data} onChanged={reload} />}
    </SceneLoadGate>
  );
}

function ReviewContent({ data, onChanged }: { data: ReviewDetail; onChanged: () => void }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const versionHeadingId = useId();
  const title = t('review.heading', { title: data.title });
  // The server enforces the same: owners and editors of the committee, outside the design's team.
  const mayJudge =
    !data.conflicted &&
    (data.reviewRole === 'owner' || data.reviewRole === 'editor') &&
    data.state === 'open';
  return (
    <PageShell title={title} wide>
      <h1>{title}</h1>
      <p>
        {t('review.fromTeam', { team: data.teamName ?? '', date: formatDate(data.submittedAt) })} ·{' '}
        <span className="badge" data-testid="review-state" data-state={data.state}>
          {t(`review.state.${data.state}` as MessageKey)}
        </span>
      </p>
      {data.conflicted ? <p className="muted">{t('review.conflicted')}</p> : null}
      {!data.conflicted && !mayJudge && data.state === 'open' ? (
        <p className="muted">{t('review.readOnlyRole')}</p>
      ) : null}
      <div className="review-layout">
        <section className="card page-section" aria-labelledby={versionHeadingId}>
          <h2 id={versionHeadingId}>{t('review.submittedVersion')}</h2>
          <p className="field__hint">{t('review.submittedVersionHint')}</p>
          {data.version ? <VersionView projection={data.version.json} /> : <p>{t('versions.none')}</p>}
        </section>
        <div>
          <JudgementForm review={data} editable={mayJudge} onSaved={onChanged} />
          {mayJudge ? (
            <DecisionForm review={data} onDecided={onChanged} />
          ) : data.report ? (
            <section className="card page-section">
              <h2>{t('review.decisionHeading')}</h2>
              <p className="prewrap" data-testid="review-report">
                {data.report}
              </p>
            </section>
          ) : null}
        </div>
      </div>
    </PageShell>
  );
}
