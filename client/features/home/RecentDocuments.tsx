import { useId } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { listDocuments } from '../documents/documentsApi';
import type { MyTeam } from '../teams/teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { pathForDocument } from '../../app/router';

const SHOWN = 10;

/** "Recente documenten": the most recently changed documents of all my teams, with their team. */
export function RecentDocuments({ teams }: { teams: MyTeam[] }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const headingId = useId();
  const documents = useLoadable('', listDocuments);
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));

  return (
    <section
      className="page-section"
      aria-labelledby={headingId}
      aria-busy={documents.state.status === 'loading'}
    >
      <h2 id={headingId}>{t('home.recentHeading')}</h2>
      {documents.state.status === 'loading' ? <p className="muted">{t('home.documentsLoading')}</p> : null}
      {documents.state.status === 'error' ? <ErrorMessage error={documents.state.error} /> : null}
      {documents.state.status === 'ready' && documents.state.data.length === 0 ? (
        <p className="empty-state">{t('home.noDocuments')}</p>
      ) : null}
      {documents.state.status === 'ready' && documents.state.data.length > 0 ? (
        <ul className="item-list" data-testid="recent-documents">
          {documents.state.data.slice(0, SHOWN).map((doc) => (
            <li key={doc.id} className="item-list__item">
              <Link to={pathForDocument(doc)} className="item-list__title" data-testid="document-link">
                {doc.title.trim() || t('document.untitled')}
              </Link>
              <span className="item-list__meta">
                {doc.teamId && teamNames.has(doc.teamId) ? (
                  <>
                    {teamNames.get(doc.teamId)}
                    {' · '}
                  </>
                ) : null}
                {t('document.updatedAt')} <time dateTime={doc.updatedAt}>{formatDate(doc.updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
