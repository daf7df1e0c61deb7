import { ErrorMessage } from '../../ui/ErrorMessage';
import { LinkAcceptance } from '../../app/LinkAcceptance';
import { PageShell } from '../../app/PageShell';
import { acceptRoundLink, getRoundLink, type RoundLinkInfo } from './roundsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { reviewPath, roundLinkPath } from '../../app/router';
import { DeadlineFact, Fact } from './RoundFacts';
import { LoadingPage, UnavailablePage } from '../../app/StatusPages';

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
      <LoadingPage title={t('roundLink.pageTitle')} text={t('rounds.loading')} testId="page-loading" narrow />
    );
  }
  if (link.state.status === 'error') {
    return (
      <UnavailablePage
        title={t('roundLink.pageTitle')}
        heading={t('roundLink.unavailableHeading')}
        testId="round-link-unavailable"
      >
        {link.state.error.status === 404 ? (
          <p>{t('roundLink.notFound')}</p>
        ) : (
          <ErrorMessage error={link.state.error} />
        )}
      </UnavailablePage>
    );
  }
  return <LinkDetails token={token} info={link.state.data} />;
}

function LinkDetails({ token, info }: { token: string; info: RoundLinkInfo }) {
  const t = useT();
  const here = roundLinkPath(token);
  const { round } = info;
  return (
    <PageShell title={t('roundLink.pageTitle')} narrow>
      <h1>{t('roundLink.heading', { team: round.teamName })}</h1>
      <dl className="facts facts--stacked card" data-testid="round-link-details">
        <Fact term={t('rounds.title')} testId="round-link-title">
          {round.title}
        </Fact>
        <Fact term={t('rounds.document')}>{round.documentTitle}</Fact>
        <Fact term={t('rounds.team')}>{round.teamName}</Fact>
        <DeadlineFact deadline={round.deadline} />
      </dl>
      {info.status !== 'open' ? (
        <p className="notice notice--warning" data-testid="round-link-problem" data-status={info.status}>
          {t(`roundLink.status.${info.status}` as MessageKey)}
        </p>
      ) : (
        <LinkAcceptance
          here={here}
          accept={async () => reviewPath((await acceptRoundLink(token)).roundId)}
          acceptLabel={t('roundLink.accept')}
          needAccount={t('roundLink.needAccount')}
          testIds={{
            signIn: 'round-link-sign-in',
            accept: 'round-link-accept',
            signup: 'round-link-signup',
            login: 'round-link-login',
          }}
        />
      )}
    </PageShell>
  );
}
