import { ErrorMessage } from '../../ui/ErrorMessage';
import { LinkAcceptance } from '../../app/LinkAcceptance';
import { PageShell } from '../../app/PageShell';
import { acceptInvite, getInvite, type InviteInfo } from './invitesApi';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey, teamKindLabelKey } from '../../i18n/labels';
import { invitePath, teamPath } from '../../app/router';

/**
 * `/uitnodiging/:token`: what the link offers (readable without an account). Signed in: accept it
 * and go to the team. Not signed in: sign up or log in, and come back here afterwards.
 */
export function AcceptInviteScene({ token }: { token: string }) {
  const t = useT();
  const invite = useLoadable(token, getInvite);

  if (invite.state.status === 'loading') {
    return (
      <PageShell title={t('invite.pageTitle')} narrow>
        <p className="muted" data-testid="page-loading">
          {t('invite.loading')}
        </p>
      </PageShell>
    );
  }
  if (invite.state.status === 'error') {
    return (
      <PageShell title={t('invite.pageTitle')} narrow>
        <div className="notice" data-testid="invite-unavailable">
          <h1>{t('invite.unavailableHeading')}</h1>
          <ErrorMessage error={invite.state.error} />
        </div>
      </PageShell>
    );
  }
  return <InviteDetails token={token} invite={invite.state.data} />;
}

function InviteDetails({ token, invite }: { token: string; invite: InviteInfo }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const here = invitePath(token);

  return (
    <PageShell title={t('invite.pageTitle')} narrow>
      <h1>{t('invite.heading', { team: invite.teamName })}</h1>
      <dl className="facts facts--stacked card" data-testid="invite-details">
        <div>
          <dt>{t('invite.team')}</dt>
          <dd>{invite.teamName}</dd>
        </div>
        <div>
          <dt>{t('team.kind')}</dt>
          <dd>{t(teamKindLabelKey(invite.teamKind))}</dd>
        </div>
        <div>
          <dt>{t('invite.role')}</dt>
          <dd data-testid="invite-role">{t(roleLabelKey(invite.role))}</dd>
        </div>
        <div>
          <dt>{t('invite.expires')}</dt>
          <dd>
            <time dateTime={invite.expiresAt}>{formatDate(invite.expiresAt)}</time>
          </dd>
        </div>
      </dl>
      {!invite.usable ? (
        <p className="notice notice--warning" data-testid="invite-problem">
          {invite.problem ?? t('invite.unusable')}
        </p>
      ) : (
        <LinkAcceptance
          here={here}
          accept={async () => teamPath((await acceptInvite(token)).teamId)}
          acceptLabel={t('invite.accept')}
          needAccount={t('invite.needAccount')}
          testIds={{ signIn: 'invite-sign-in', accept: 'accept-invite' }}
        />
      )}
    </PageShell>
  );
}
