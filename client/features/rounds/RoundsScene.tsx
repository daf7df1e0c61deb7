import { useCallback, useId, useState, type FormEvent } from 'react';
import { DEFAULT_CRITERIA_NL, type Round } from '../../../shared/schemas/rounds';
import { RequireUser } from '../auth/RequireUser';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { getDocument, type DocumentWithAccess } from '../documents/documentsApi';
import { toApiError, type ApiError } from '../../api/request';
import { createRound, documentEventsPath, listRounds } from './roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { listVersions, type VersionSummary } from '../versions/versionsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { navigate, roundManagePath } from '../../app/router';
import { CriteriaEditor, newCriterion, type EditableCriterion } from './CriteriaEditor';
import { RoundFormToggle } from './RoundFormToggle';
import { RoundLoadGate } from './RoundLoadGate';
import { fieldErrorLine, fieldErrorProps, RoundDetailsFields, type RoundDetails } from './RoundDetailsFields';
import {
  BackToEditor,
  isoToLocalInputs,
  localDateTimeToIso,
  RoundStatusBadge,
  useLiveRefetch,
} from './shared';
import { Plus } from 'lucide-react';
import { TermHelp } from '../../ui/TermHelp';

/** Opening rounds is the owner's, as the lifecycle moves are (the server checks it as well). */
export function mayManageRounds(document: DocumentWithAccess): boolean {
  return document.capabilities.includes('document.changeStatus');
}

interface RoundsData {
  document: DocumentWithAccess;
  rounds: Round[];
}

async function loadRounds(docId: string): Promise<RoundsData> {
  const [document, rounds] = await Promise.all([getDocument(docId), listRounds(docId)]);
  return { document, rounds };
}

/**
 * `/ontwerpen/:docId/feedback` (also under /d and /ontwikkelpaden): the document's feedback
 * rounds, and for the owner "Nieuwe feedbackronde".
 */
export function RoundsScene({ docId }: { docId: string }) {
  return <RequireUser>{() => <RoundsLoader docId={docId} />}</RequireUser>;
}

function RoundsLoader({ docId }: { docId: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const data = useLoadable(docId, loadRounds, version);
  const refetch = useCallback(() => setVersion((n) => n + 1), []);
  useLiveRefetch(data.state.status === 'ready' ? documentEventsPath(docId) : null, refetch);
  return (
    <RoundLoadGate
      state={data.state}
      title={t('rounds.heading')}
      loadingText={t('rounds.loading')}
      unavailableTestId="rounds-unavailable"
      notFound="document"
    >
      {(loaded) => <RoundsPage data={loaded} />}
    </RoundLoadGate>
  );
}

function RoundsPage({ data }: { data: RoundsData }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const { document, rounds } = data;
  const listId = useId();
  const title = document.title || t('document.untitled');
  return (
    <PageShell title={`${t('rounds.heading')} — ${title}`}>
      <BackToEditor document={document} title={title} />
      <h1>
        {t('rounds.heading')} <span className="muted">— {title}</span>
      </h1>
      <TermHelp term="feedbackronde" />
      <section aria-labelledby={listId} className="page-section" data-testid="rounds-list-section">
        <h2 id={listId}>{t('rounds.listHeading')}</h2>
        {rounds.length === 0 ? (
          <p className="empty-state" data-testid="rounds-empty">
            {t('rounds.empty')}
          </p>
        ) : (
          <ul className="round-list" data-testid="rounds-list">
            {rounds.map((round) => (
              <li key={round.id} className="round-card" data-testid="round-item" data-round-id={round.id}>
                <Link
                  to={roundManagePath(document.id, round.id, document.kind)}
                  className="round-card__title"
                >
                  {round.title}
                </Link>{' '}
                <RoundStatusBadge status={round.status} />
                <p className="muted">
                  {t('rounds.cardMeta', {
                    version: round.version.label,
                    deadline: formatDate(round.deadline),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayManageRounds(document) ? (
        <RoundFormToggle
          label={t('rounds.new')}
          icon={<Plus aria-hidden="true" />}
          className="button button--primary"
          testId="round-new"
          form={(close) => <NewRoundForm document={document} onCancel={close} />}
        />
      ) : null}
    </PageShell>
  );
}

function defaultDeadline(): { date: string; time: string } {
  const inTwoWeeks = new Date();
  inTwoWeeks.setDate(inTwoWeeks.getDate() + 14);
  inTwoWeeks.setHours(17, 0, 0, 0);
  return isoToLocalInputs(inTwoWeeks.toISOString());
}

type NewRoundField = 'versionId' | 'title' | 'deadline' | 'criteria';

function NewRoundForm({ document, onCancel }: { document: DocumentWithAccess; onCancel: () => void }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const versionFieldId = useId();
  const titleFieldId = useId();
  const dateId = useId();
  const versions = useLoadable(document.id, listVersions);
  const [versionId, setVersionId] = useState('');
  const [details, setDetails] = useState<RoundDetails>(() => ({
    title: '',
    description: '',
    ...defaultDeadline(),
  }));
  const { title, description, date, time } = details;
  const [criteria, setCriteria] = useState<EditableCriterion[]>(() =>
    DEFAULT_CRITERIA_NL.map((criterion) => newCriterion(criterion)),
  );
  const [errors, setErrors] = useState<Partial<Record<NewRoundField, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const list: VersionSummary[] = versions.state.status === 'ready' ? versions.state.data : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const deadline = localDateTimeToIso(date, time);
    const next: Partial<Record<NewRoundField, string>> = {};
    if (!versionId) next.versionId = t('rounds.errorVersion');
    if (!title.trim()) next.title = t('rounds.errorTitle');
    if (!deadline) next.deadline = t('rounds.errorDeadline');
    else if (new Date(deadline).getTime() <= Date.now()) next.deadline = t('rounds.errorDeadlinePast');
    const cleaned = criteria.filter((criterion) => criterion.title.trim());
    if (cleaned.length === 0) next.criteria = t('rounds.errorCriteria');
    setErrors(next);
    if (Object.keys(next).length > 0 || !deadline) {
      const first = next.versionId
        ? versionFieldId
        : next.title
          ? titleFieldId
          : next.deadline
            ? dateId
            : null;
      if (first) window.document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const round = await createRound(document.id, {
        versionId,
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        deadline,
        criteria: cleaned.map((criterion) => ({ title: criterion.title.trim() })),
      });
      navigate(roundManagePath(document.id, round.id, document.kind));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="card new-round" data-testid="round-form">
      <h2 id={headingId}>{t('rounds.new')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <div className="field">
          <label htmlFor={versionFieldId}>{t('rounds.version')}</label>
          <p className="field__hint">{t('rounds.versionHint')}</p>
          <select
            id={versionFieldId}
            value={versionId}
            data-testid="round-version"
            onChange={(event) => setVersionId(event.target.value)}
            {...fieldErrorProps(errors.versionId, versionFieldId)}
          >
            <option value="">
              {versions.state.status === 'loading' ? t('versions.loading') : t('rounds.chooseVersion')}
            </option>
            {list.map((version) => (
              <option key={version.id} value={version.id}>
                {version.label} ({formatDate(version.createdAt)})
              </option>
            ))}
          </select>
          {versions.state.status === 'ready' && list.length === 0 ? (
            <p className="muted">{t('rounds.noVersions')}</p>
          ) : null}
          {fieldErrorLine(errors.versionId, versionFieldId)}
        </div>
        <RoundDetailsFields
          value={details}
          onChange={setDetails}
          titleId={titleFieldId}
          dateId={dateId}
          testIdPrefix="round"
          errors={{ title: errors.title, deadline: errors.deadline }}
        />
        <CriteriaEditor criteria={criteria} onChange={setCriteria} error={errors.criteria} />
        {error ? <ErrorMessage error={error} /> : null}
        <p className="button-row">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="round-create">
            {busy ? t('common.creating') : t('rounds.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </p>
      </form>
    </section>
  );
}
