import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { VersionProjection } from '../../../shared/domain/versions/projection';
import type { CriterionResponse, Round, RoundSummary } from '../../../shared/schemas/rounds';
import { RequireUser } from '../auth/RequireUser';
import { CommentsPanel } from '../comments/CommentsPanel';
import { EditorRegistryProvider } from '../comments/EditorRegistry';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { OutlineLayout } from '../outline/OutlineLayout';
import type { CurrentUser } from '../account/accountApi';
import {
  getResponses,
  getRound,
  getRoundVersion,
  getRoundVersionState,
  getSummary,
  roundEventsPath,
} from './roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import type { CollabSession } from '../../collab/session';
import { Link } from '../../app/Link';
import { roundManagePath } from '../../app/router';
import { CriteriaForm } from './CriteriaForm';
import { FrozenDocument } from './FrozenDocument';
import { Fact, RoundFacts } from './RoundFacts';
import { LoadingPage, UnavailablePage } from '../../app/StatusPages';
import { RoundStatusBadge, useLiveRefetch } from './shared';
import { SummaryView } from './SummaryView';

type ReviewData =
  | {
      kind: 'open';
      round: Round;
      projection: VersionProjection;
      state: Uint8Array;
      responses: CriterionResponse[];
    }
  | { kind: 'summary'; round: Round; summary: RoundSummary };

async function loadReview(roundId: string): Promise<ReviewData> {
  const round = await getRound(roundId);
  if (round.status !== 'open' && round.access === 'reviewer') {
    return { kind: 'summary', round, summary: await getSummary(roundId) };
  }
  const [version, state, responses] = await Promise.all([
    getRoundVersion(roundId),
    getRoundVersionState(roundId),
    round.can.respond ? getResponses(roundId) : Promise.resolve([]),
  ]);
  return { kind: 'open', round, projection: version.projection, state, responses };
}

/**
 * `/ronde/:roundId`: the reviewer's page. While the round is open: its title, team, deadline and
 * criteria, the frozen version in the real editor (read-only), the round's comments and the
 * criteria form. Once closed: the summary — what happened with every piece of feedback.
 */
export function ReviewScene({ roundId }: { roundId: string }) {
  return <RequireUser>{(user) => <ReviewLoader roundId={roundId} user={user} />}</RequireUser>;
}

function ReviewLoader({ roundId, user }: { roundId: string; user: CurrentUser }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const data = useLoadable(roundId, loadReview, version);
  // A closed round takes the reviewer to the summary: reload when the round's status changes.
  const shownStatus = useRef<string | null>(null);
  const status = data.state.status === 'ready' ? data.state.data.round.status : null;
  useEffect(() => {
    shownStatus.current = status;
  }, [status]);
  const refetchIfStatusChanged = useCallback(() => {
    getRound(roundId).then(
      (round) => {
        if (round.status !== shownStatus.current) setVersion((n) => n + 1);
      },
      () => setVersion((n) => n + 1),
    );
  }, [roundId]);
  const open = data.state.status === 'ready' && data.state.data.kind === 'open';
  useLiveRefetch(open ? roundEventsPath(roundId) : null, refetchIfStatusChanged);

  if (data.state.status === 'loading') {
    return <LoadingPage title={t('rounds.reviewTitle')} text={t('rounds.loading')} testId="page-loading" />;
  }
  if (data.state.status === 'error') {
    const { error } = data.state;
    const noAccess = error.status === 403 || error.status === 404;
    return (
      <UnavailablePage
        title={t('rounds.reviewTitle')}
        heading={noAccess ? t('rounds.noAccessHeading') : t('error.title')}
        testId="review-unavailable"
      >
        {noAccess ? <p>{t('rounds.noAccessBody')}</p> : <ErrorMessage error={error} />}
        <p>
          <Link to="/" className="button">
            {t('common.toMyTeams')}
          </Link>
        </p>
      </UnavailablePage>
    );
  }
  const loaded = data.state.data;
  if (loaded.kind === 'summary') return <ReviewSummary round={loaded.round} summary={loaded.summary} />;
  return <ReviewPage data={loaded} user={user} />;
}

function RoundIntro({ round }: { round: Round }) {
  const t = useT();
  return (
    <>
      <p className="eyebrow">{t('rounds.reviewEyebrow')}</p>
      <h1 data-testid="review-heading">{round.title}</h1>
      <p>
        <RoundStatusBadge status={round.status} />
      </p>
      <RoundFacts
        round={round}
        testId="review-facts"
        versionTestId="review-version"
        leading={
          <>
            <Fact term={t('rounds.document')}>{round.documentTitle}</Fact>
            <Fact term={t('rounds.team')} testId="review-team">
              {round.teamName}
            </Fact>
          </>
        }
      />
      {round.access === 'team' ? (
        <p>
          <Link to={roundManagePath(round.docId, round.id)}>{t('rounds.manageLink')}</Link>
        </p>
      ) : null}
    </>
  );
}

function ReviewPage({ data, user }: { data: Extract<ReviewData, { kind: 'open' }>; user: CurrentUser }) {
  const t = useT();
  const { round } = data;
  const [session, setSession] = useState<CollabSession | null>(null);
  const [responses, setResponses] = useState(data.responses);
  const versionHeadingId = useId();
  return (
    <PageShell title={`${round.title} — ${t('rounds.reviewTitle')}`} wide>
      <EditorRegistryProvider canComment={round.can.comment}>
        <OutlineLayout>
          <RoundIntro round={round} />
          <p className="notice notice--info" data-testid="frozen-banner">
            {t('rounds.frozenBanner', { label: round.version.label })}
          </p>
          <div className="review-layout">
            <section className="review-layout__main" aria-labelledby={versionHeadingId}>
              <h2 id={versionHeadingId} className="visually-hidden">
                {t('rounds.frozenVersion', { label: round.version.label })}
              </h2>
              <FrozenDocument
                docId={round.docId}
                projection={data.projection}
                state={data.state}
                onSession={setSession}
              />
            </section>
            <div className="review-layout__side">
              {session ? (
                <CommentsPanel
                  docId={round.docId}
                  roundId={round.id}
                  ydoc={session.ydoc}
                  canComment={round.can.comment}
                  currentUserId={user.id}
                />
              ) : null}
            </div>
          </div>
          {round.can.respond ? (
            <CriteriaForm round={round} responses={responses} onSaved={setResponses} />
          ) : null}
        </OutlineLayout>
      </EditorRegistryProvider>
    </PageShell>
  );
}

function ReviewSummary({ round, summary }: { round: Round; summary: RoundSummary }) {
  const t = useT();
  return (
    <PageShell title={`${round.title} — ${t('rounds.summary')}`}>
      <RoundIntro round={round} />
      {round.status === 'closed' ? (
        <p className="notice notice--info" data-testid="review-closed">
          {t('rounds.closedForReviewer')}
        </p>
      ) : null}
      <SummaryView summary={summary} />
    </PageShell>
  );
}
