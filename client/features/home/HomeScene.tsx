import { useId } from 'react';
import { RequireUser } from '../auth/RequireUser';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { listTeams, type MyTeam } from '../teams/teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { teamPath } from '../../app/router';
import { TeamFacts } from '../teams/TeamFacts';
import { ReviewRequests } from './ReviewRequests';
import { NewTeamForm } from './NewTeamForm';
import { RecentDocuments } from './RecentDocuments';
import { useCurrentUser } from '../auth/CurrentUserProvider';
import { FirstSteps } from './FirstSteps';
import { Landing } from './Landing';
import { getExample } from './exampleApi';
import { useAnnouncer } from '../../ui/useAnnouncer';

/** `/`: "Mijn teams" — my teams, a form for a new team, and recent documents; signed out: the landing page. */
export function HomeScene() {
  const { state } = useCurrentUser();
  if (state.status === 'signedOut') return <Landing />;
  return <RequireUser>{() => <MyTeams />}</RequireUser>;
}

function MyTeams() {
  const t = useT();
  const teams = useLoadable('', listTeams);
  const example = useLoadable('', getExample);
  const headingId = useId();
  const exampleTeamId = example.state.status === 'ready' ? example.state.data.example?.teamId : undefined;
  // The example team alone is no team of one's own yet: the first steps stay.
  const onlyExample =
    teams.state.status === 'ready' && teams.state.data.every((team) => team.id === exampleTeamId);
  const [announcement, announce] = useAnnouncer();
  const exampleDeleted = () => {
    teams.reload();
    example.reload();
    announce(t('example.deleted'));
  };
  return (
    <PageShell title={t('home.pageTitle')}>
      <h1>{t('home.heading')}</h1>
      <section
        aria-labelledby={headingId}
        className="page-section"
        aria-busy={teams.state.status === 'loading'}
      >
        <h2 id={headingId} className="visually-hidden">
          {t('home.teamsHeading')}
        </h2>
        {teams.state.status === 'loading' ? <p className="muted">{t('home.loading')}</p> : null}
        {teams.state.status === 'error' ? (
          <div className="stack">
            <ErrorMessage error={teams.state.error} />
            <button type="button" className="button" onClick={teams.reload}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        {teams.state.status === 'ready' && teams.state.data.length === 0 ? (
          <p className="empty-state" data-testid="teams-empty">
            {t('home.empty')}
          </p>
        ) : null}
        {teams.state.status === 'ready' && teams.state.data.length > 0 ? (
          <ul className="team-list" data-testid="team-list">
            {teams.state.data.map((team) => (
              <TeamCard key={team.id} team={team} isExample={team.id === exampleTeamId} />
            ))}
          </ul>
        ) : null}
      </section>
      {onlyExample && example.state.status !== 'loading' ? (
        <FirstSteps
          example={example.state.status === 'ready' ? example.state.data : { example: null, template: null }}
          onExampleDeleted={exampleDeleted}
        />
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <ReviewRequests />
      <NewTeamForm />
      <RecentDocuments teams={teams.state.status === 'ready' ? teams.state.data : []} />
    </PageShell>
  );
}

function TeamCard({ team, isExample }: { team: MyTeam; isExample: boolean }) {
  const t = useT();
  return (
    <li className="team-card" data-testid="team-card" data-team-id={team.id}>
      <Link to={teamPath(team.id)} className="team-card__name">
        {team.name}
      </Link>
      {isExample ? (
        <span className="badge" data-testid="example-badge">
          {t('example.badge')}
        </span>
      ) : null}
      <TeamFacts team={team} roleTestId="team-role" />
    </li>
  );
}
