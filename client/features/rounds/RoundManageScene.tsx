import { useCallback, useId, useState } from 'react';
import type { Round, RoundReviewers, RoundSummary, SummaryItem } from '../../../shared/schemas/rounds';
import { RequireUser } from '../auth/RequireUser';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { PageShell } from '../../app/PageShell';
import { getDocument, type DocumentWithAccess } from '../documents/documentsApi';
import { ApiError, toApiError } from '../../api/request';
import { carryOver, closeRound, documentEventsPath, getReviewers, getRound, getSummary } from './roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { listVersions } from '../versions/versionsApi';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { pathForDocument, reviewPath, roundsPath, versionEditorPath } from '../../app/router';
import { EditRoundForm } from './EditRoundForm';
import { Participation } from './Participation';
import { RoundFacts } from './RoundFacts';
import { ReviewersPanel } from './ReviewersPanel';
import { RoundFormToggle } from './RoundFormToggle';
import { RoundLoadGate } from './RoundLoadGate';
import { RoundStatusBadge, useLiveRefetch } from './shared';
import { SummaryView } from './SummaryView';
import { TriageView } from './TriageView';
import { CopyPlus, Lock, Pencil } from 'lucide-react';

interface ManageData {
  document: DocumentWithAccess;
  round: Round;
  /** Who reviews; an ApiError when only this part could not be loaded (the rest still works). */
  reviewers: RoundReviewers | ApiError;
  /** After closing: the items to triage / the summary. */
  summary: RoundSummary | null;
}

async function loadManage(key: string): Promise<ManageData> {
  const [docId = '', roundId = ''] = key.split('\n');
  const [document, round, reviewers] = await Promise.all([
    getDocument(docId),
    getRound(roundId),
    getReviewers(roundId).catch(toApiError),
  ]);
  const summary = round.status === 'open' ? null : await getSummary(roundId);
  return { document, round, reviewers, summary };
}

/**
 * `/ontwerpen/:docId/feedback/:roundId`: one round for the team — reviewers and links,
 * participation live, closing, triage, completing, the summary with exports, carry-over.
 */
export function RoundManageScene({ docId, roundId }: { docId: string; roundId: string }) {
  return <RequireUser>{() => <ManageLoader docId={docId} roundId={roundId} />}</RequireUser>;
}

function ManageLoader({ docId, roundId }: { docId: string; roundId: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const data = useLoadable(`${docId}\n${roundId}`, loadManage, version);
  const refetch = useCallback(() => setVersion((n) => n + 1), []);
  useLiveRefetch(data.state.status === 'ready' ? documentEventsPath(docId) : null, refetch);
  return (
    <RoundLoadGate
      state={data.state}
      title={t('rounds.heading')}
      loadingText={t('rounds.loading')}
      unavailableTestId="round-unavailable"
      notFound="page"
    >
      {(loaded) => <ManagePage data={loaded} onChanged={refetch} replace={data.replace} />}
    </RoundLoadGate>
  );
}

function ManagePage({
  data,
  onChanged,
  replace,
}: {
  data: ManageData;
  onChanged: () => void;
  replace: (data: ManageData) => void;
}) {
  const t = useT();
  const { document, round, reviewers, summary } = data;
  const versions = useLoadable(document.id, listVersions);
  const [closeError, setCloseError] = useState<ApiError | null>(null);
  const [completedMessage, setCompletedMessage] = useState('');

  const close = async () => {
    setCloseError(null);
    try {
      await closeRound(round.id);
      onChanged();
    } catch (caught) {
      setCloseError(toApiError(caught));
    }
  };

  const onItemSaved = (item: SummaryItem) => {
    if (!summary) return;
    const items = summary.items.map((candidate) =>
      candidate.kind === item.kind && candidate.id === item.id ? item : candidate,
    );
    replace({ ...data, summary: { ...summary, items } });
  };

  return (
    <PageShell title={`${round.title} — ${t('rounds.heading')}`}>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={pathForDocument(document)}>{document.title || t('document.untitled')}</Link>
          </li>
          <li>
            <Link to={roundsPath(document.id, document.kind)} data-testid="back-to-rounds">
              {t('rounds.heading')}
            </Link>
          </li>
        </ol>
      </nav>
      <h1 data-testid="round-heading">{round.title}</h1>
      <p>
        <RoundStatusBadge status={round.status} />
      </p>
      <RoundFacts
        round={round}
        testId="round-facts"
        versionLink={
          <Link to={versionEditorPath(document.id, round.version.id, document.kind)}>
            {t('rounds.openVersion')}
          </Link>
        }
      />
      {round.status === 'open' && round.can.manage ? (
        <RoundFormToggle
          label={t('rounds.edit')}
          icon={<Pencil aria-hidden="true" />}
          className="button button--text"
          testId="round-edit"
          form={(close) => (
            <EditRoundForm
              round={round}
              onCancel={close}
              onSaved={(next) => {
                replace({ ...data, round: next });
                close();
              }}
            />
          )}
        />
      ) : null}
      <p>
        <Link to={reviewPath(round.id)} data-testid="round-review-link">
          {t('rounds.openReviewPage')}
        </Link>
      </p>

      {round.status === 'open' ? (
        <>
          {reviewers instanceof ApiError ? (
            <ErrorMessage error={reviewers} />
          ) : (
            <>
              <ReviewersPanel
                roundId={round.id}
                ownTeamId={round.teamId}
                reviewers={reviewers}
                canManage={round.can.manage}
                onChanged={(next) => (next ? replace({ ...data, reviewers: next }) : onChanged())}
              />
              <Participation
                reviewers={reviewers}
                roundId={round.id}
                canManage={round.can.manage}
                onChanged={onChanged}
              />
            </>
          )}
          {round.can.manage ? (
            <section className="page-section card" aria-label={t('rounds.close')}>
              <p className="muted">{t('rounds.closeHint')}</p>
              {/* Asks first, in place: reviewers lose access and triage starts. */}
              <ConfirmButton
                label={t('rounds.close')}
                question={t('rounds.closeQuestion')}
                confirmLabel={t('rounds.closeYes')}
                small={false}
                icon={<Lock aria-hidden="true" />}
                testId="round-close"
                onConfirm={() => void close()}
              />
              {closeError ? <ErrorMessage error={closeError} /> : null}
            </section>
          ) : null}
        </>
      ) : (
        <>
          {reviewers instanceof ApiError ? null : (
            <Participation
              reviewers={reviewers}
              roundId={round.id}
              canManage={round.can.manage}
              onChanged={onChanged}
            />
          )}
          {summary && round.status === 'closed' && round.can.triage ? (
            <TriageView
              summary={summary}
              versions={versions.state.status === 'ready' ? versions.state.data : []}
              onItemSaved={onItemSaved}
              onCompleted={(next) => {
                setCompletedMessage(t('rounds.completed'));
                replace({ ...data, round: next });
                onChanged();
              }}
            />
          ) : null}
          <p role="status" className="notice-region">
            {completedMessage}
          </p>
          {summary && (round.status === 'completed' || !round.can.triage) ? (
            <SummaryView summary={summary} />
          ) : null}
          {document.capabilities.includes('document.edit') ? <CarryOver roundId={round.id} /> : null}
        </>
      )}
    </PageShell>
  );
}

function CarryOver({ roundId }: { roundId: string }) {
  const t = useT();
  const headingId = useId();
  const [result, setResult] = useState<{ carried: number; attached: number; detached: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await carryOver(roundId));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className="page-section card" data-testid="carry-over">
      <h2 id={headingId}>{t('rounds.carryOverHeading')}</h2>
      <p className="muted">{t('rounds.carryOverHint')}</p>
      <p>
        <button type="button" className="button" onClick={run} disabled={busy} data-testid="carry-over-run">
          <CopyPlus aria-hidden="true" />
          {t('rounds.carryOver')}
        </button>
      </p>
      <p role="status" data-testid="carry-over-result">
        {result ? t('rounds.carryOverResult', result) : ''}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
