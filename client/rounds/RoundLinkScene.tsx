import { useState } from 'react';
import { useCurrentUser } from '../auth/CurrentUserProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { PageShell } from '../components/PageShell';
import { toApiError, type ApiError } from '../http/request';
import { acceptRoundLink, getRoundLink, type RoundLinkInfo } from '../http/rounds';
import { useLoadable } from '../http/useLoadable';
import { useDateTimeFormat } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nl';
import { Link } from '../routing/Link';
import { loginPath, navigate, reviewPath, roundLinkPath, signupPath } from '../routing/router';

/**
 * `/feedback/:token`: an invitation to review (readable without an account). Signed in: take
 * part and go to the round. Not signed in: sign up or log in, and come back here afterwards —
 * the same approach as team invitations (AcceptInviteScene).
 */
export function RoundLinkScene({ token }: { token: string }) {
  const t = useT();
  const link = useLoadable(token, getRoundLink);
  if (link.state.status === 'loading') {
    return (
      <PageShell title={t('roundLink.pageTitle')} narrow>
        <p className="muted" data-testid="page-loading">
          {t('rounds.loading')}
        </p>
      </PageShell>
    );
  }
  if (link.state.status === 'error') {
    return (
      <PageShell title={t('roundLink.pageTitle')} narrow>
        <div className="notice" data-testid="round-link-unavailable">
          <h1>{t('roundLink.unavailableHeading')}</h1>
          {link.state.error.status === 404 ? (
            <p>{t('roundLink.notFound')}</p>
          ) : (
            <ErrorMessage error={link.state.error} />
          )}
        </div>
      </PageShell>
    );
  }
  return <LinkDetails token={token} info={link.state.data} />;
}

function LinkDetails({ token, info }: { token: string; info: RoundLinkInfo }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const { state } = useCurrentUser();
  const here = roundLinkPath(token);
  const { round } = info;
  return (
    <PageShell title={t('roundLink.pageTitle')} narrow>
      <h1>{t('roundLink.heading', { team: round.teamName })}</h1>
      <dl className="facts facts--stacked card" data-testid="round-link-details">
        <div>
          <dt>{t('rounds.title')}</dt>
          <dd data-testid="round-link-title">{round.title}</dd>
        </div>
        <div>
          <dt>{t('rounds.document')}</dt>
          <dd>{round.documentTitle}</dd>
        </div>
        <div>
          <dt>{t('rounds.team')}</dt>
          <dd>{round.teamName}</dd>
        </div>
        <div>
          <dt>{t('rounds.deadline')}</dt>
          <dd>
            <time dateTime={round.deadline}>{formatDate(round.deadline)}</time>
          </dd>
        </div>
      </dl>
      {info.status !== 'open' ? (
        <p className="notice notice--warning" data-testid="round-link-problem" data-status={info.status}>
          {t(`roundLink.status.${info.status}` as MessageKey)}
        </p>
      ) : state.status === 'signedIn' ? (
        <AcceptButton token={token} userName={state.user.name} />
      ) : state.status === 'loading' ? null : (
        <div className="notice" data-testid="round-link-sign-in">
          <p>{t('roundLink.needAccount')}</p>
          <p className="button-row">
            <Link to={signupPath(here)} className="button button--primary" data-testid="round-link-signup">
              {t('invite.signup')}
            </Link>
            <Link to={loginPath(here)} className="button" data-testid="round-link-login">
              {t('invite.login')}
            </Link>
          </p>
        </div>
      )}
    </PageShell>
  );
}

function AcceptButton({ token, userName }: { token: string; userName: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { roundId } = await acceptRoundLink(token);
      navigate(reviewPath(roundId));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p>{t('invite.signedInAs', { name: userName })}</p>
      <p>
        <button
          type="button"
          className="button button--primary"
          onClick={accept}
          aria-disabled={busy ? true : undefined}
          data-testid="round-link-accept"
        >
          {t('roundLink.accept')}
        </button>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
