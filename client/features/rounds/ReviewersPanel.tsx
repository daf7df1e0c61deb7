import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RoundReviewers } from '../../../shared/schemas/rounds';
import { CopyField } from '../../ui/CopyField';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../api/request';
import {
  InvitationMailFields,
  invitationMailBody,
  useInvitationMailStart,
} from '../auth/InvitationMailFields';
import { createLink, inviteTeam, removeTeam, revokeLink, searchTeams, type DirectoryTeam } from './roundsApi';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { teamKindLabelKey } from '../../i18n/labels';
import type { TeamKind } from '../../../shared/domain/roles';
import { Link2, Send } from 'lucide-react';

/**
 * Who reviews: invited teams (every member of the team) with a search over all teams, and
 * expiring links for individuals (the URL is shown once, with a copy button).
 */
export function ReviewersPanel({
  roundId,
  ownTeamId,
  reviewers,
  canManage,
  onChanged,
}: {
  roundId: string;
  ownTeamId: string;
  reviewers: RoundReviewers;
  canManage: boolean;
  onChanged: (next?: RoundReviewers) => void;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const teamsId = useId();
  const linksId = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  // "Now" for telling expired links apart: when the list was last loaded is precise enough.
  const [now] = useState(() => Date.now());

  const run = async (action: () => Promise<RoundReviewers | void>, done: string) => {
    setError(null);
    try {
      const next = await action();
      onChanged(next ?? undefined);
      setMessage(done);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className="page-section card reviewers-panel"
      data-testid="reviewers-panel"
    >
      <h2 id={headingId}>{t('rounds.reviewers')}</h2>
      <h3 id={teamsId}>{t('rounds.invitedTeams')}</h3>
      {reviewers.teams.length === 0 ? (
        <p className="muted">{t('rounds.noTeams')}</p>
      ) : (
        <ul aria-labelledby={teamsId} className="plain-list" data-testid="invited-teams">
          {reviewers.teams.map((team) => (
            <li key={team.id} data-testid="invited-team">
              {team.name} <span className="muted">({t(teamKindLabelKey(team.kind as TeamKind))})</span>{' '}
              {team.pending ? (
                <span className="muted" data-testid="invited-team-pending">
                  — {t('rounds.teamPending')}{' '}
                </span>
              ) : null}
              {canManage ? (
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() =>
                    run(() => removeTeam(roundId, team.id), t('rounds.teamRemoved', { team: team.name }))
                  }
                >
                  {t('rounds.removeTeam')}
                  <span className="visually-hidden"> {team.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <TeamSearch
          ownTeamId={ownTeamId}
          invited={reviewers.teams.map((team) => team.id)}
          onInvite={(team) =>
            run(() => inviteTeam(roundId, team.id), t('rounds.teamInvited', { team: team.name }))
          }
        />
      ) : null}
      <h3 id={linksId}>{t('rounds.links')}</h3>
      {reviewers.links.length === 0 ? (
        <p className="muted">{t('rounds.noLinks')}</p>
      ) : (
        <ul aria-labelledby={linksId} className="plain-list" data-testid="round-links">
          {reviewers.links.map((link) => {
            const expired = new Date(link.expiresAt).getTime() < now;
            return (
              <li key={link.id} data-testid="round-link">
                <strong>{link.label || t('rounds.linkUnnamed')}</strong>{' '}
                <span className="muted">
                  {link.revokedAt
                    ? t('rounds.linkRevoked')
                    : expired
                      ? t('rounds.linkExpired')
                      : t('rounds.linkExpires', { time: formatDate(link.expiresAt) })}
                  {' · '}
                  {t('rounds.linkUses', { count: link.uses })}
                  {link.sentTo ? ` · ${t('inviteMail.sentTo', { email: link.sentTo })}` : ''}
                </span>{' '}
                {canManage && !link.revokedAt && !expired ? (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    data-testid="round-link-revoke"
                    onClick={() => run(() => revokeLink(roundId, link.id), t('rounds.linkRevokedDone'))}
                  >
                    {t('rounds.revokeLink')}
                    <span className="visually-hidden"> {link.label || t('rounds.linkUnnamed')}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canManage ? <NewLinkForm roundId={roundId} onCreated={() => onChanged()} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </section>
  );
}

function TeamSearch({
  ownTeamId,
  invited,
  onInvite,
}: {
  ownTeamId: string;
  invited: string[];
  onInvite: (team: DirectoryTeam) => void;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; teams: DirectoryTeam[] } | null>(null);
  const q = query.trim();
  // Results belong to the query they answered; an emptied field shows none.
  const teams = q && found?.query === q ? found.teams : null;
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!q) return undefined;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      searchTeams(q).then(
        (result) => {
          if (cancelled) return;
          setFound({ query: q, teams: result.filter((team) => team.id !== ownTeamId) });
          setError(null);
        },
        (caught: unknown) => !cancelled && setError(toApiError(caught)),
      );
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [q, ownTeamId]);

  return (
    <div className="team-search" role="search" aria-label={t('rounds.searchTeamsLabel')}>
      <div className="field">
        <label htmlFor={id}>{t('rounds.searchTeams')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('rounds.searchTeamsHint')}
        </p>
        <input
          id={id}
          type="search"
          autoComplete="off"
          value={query}
          aria-describedby={`${id}-hint`}
          data-testid="team-search"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p role="status" className="muted" data-testid="team-search-status">
        {teams === null ? '' : t('rounds.searchResults', { count: teams.length })}
      </p>
      {teams && teams.length > 0 ? (
        <ul className="plain-list" data-testid="team-search-results">
          {teams.map((team) => (
            <li key={team.id} data-testid="team-search-result">
              {team.name}
              {team.labName ? <span className="muted"> · {team.labName}</span> : null}{' '}
              {invited.includes(team.id) ? (
                <span className="muted">{t('rounds.alreadyInvited')}</span>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  data-testid="team-invite"
                  onClick={() => onInvite(team)}
                >
                  <Send aria-hidden="true" />
                  {t('rounds.inviteTeam')}
                  <span className="visually-hidden"> {team.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

function NewLinkForm({ roundId, onCreated }: { roundId: string; onCreated: () => void }) {
  const t = useT();
  const labelId = useId();
  const daysId = useId();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('14');
  const [mail, setMail] = useState(useInvitationMailStart());
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const expiresInDays = Number.parseInt(days, 10);
      const link = await createLink(roundId, {
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(Number.isFinite(expiresInDays) ? { expiresInDays } : {}),
        ...invitationMailBody(mail),
      });
      setCreated(new URL(link.url, location.origin).toString());
      setLabel('');
      onCreated();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack new-link" data-testid="round-link-form">
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={labelId}>
            {t('rounds.linkLabel')} <span className="muted">({t('common.optional')})</span>
          </label>
          <input
            id={labelId}
            type="text"
            maxLength={200}
            value={label}
            data-testid="round-link-label"
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={daysId}>{t('rounds.linkDays')}</label>
          <input
            id={daysId}
            type="number"
            min={1}
            max={90}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        <InvitationMailFields value={mail} onChange={setMail} testId="round-link-email" />
      </div>
      <p>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="round-link-create"
        >
          <Link2 aria-hidden="true" />
          {t('rounds.createLink')}
        </button>
      </p>
      {created ? (
        <div className="notice notice--info" data-testid="round-link-created">
          <p>{t('rounds.linkOnce')}</p>
          <CopyField label={t('rounds.linkUrl')} value={created} testId="round-link-url" />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}
