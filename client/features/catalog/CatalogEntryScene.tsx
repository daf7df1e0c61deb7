import { useId, useState, type FormEvent } from 'react';
import { can } from '../../../shared/domain/roles';
import { useCurrentUser } from '../auth/CurrentUserProvider';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageShell } from '../../app/PageShell';
import { CatalogDetail } from './CatalogDetail';
import { CatalogSections } from './CatalogSections';
import { getCatalogEntry, reuseCatalogEntry, type CatalogEntry } from './catalogApi';
import { toApiError, type ApiError } from '../../api/request';
import { listTeams, type MyTeam } from '../teams/teamsApi';
import { useLoadable } from '../../api/useLoadable';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { CATALOG_PATH, designPath, loginPath, navigate, useCurrentPath } from '../../app/router';
import { CatalogFacts } from './CatalogScene';
import { CatalogLicense, ReuseResponsibility } from './CatalogLicense';
import { ArrowLeft, CopyPlus } from 'lucide-react';

/** `/catalogus/:id`: one approved leerarrangement, public; signed-in members can reuse it. */
export function CatalogEntryScene({ id }: { id: string }) {
  return (
    <CatalogDetail
      id={id}
      load={getCatalogEntry}
      notFoundKey="catalog.notFound"
      render={(data) => <EntryView entry={data} />}
    />
  );
}

function EntryView({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <PageShell title={entry.title}>
      <p>
        <Link to={CATALOG_PATH} className="back-link">
          <ArrowLeft aria-hidden="true" />
          {t('catalog.back')}
        </Link>
      </p>
      <p className="eyebrow">{t('design.eyebrow')}</p>
      <h1 data-testid="catalog-entry-title">{entry.title}</h1>
      <CatalogFacts item={entry} />
      <p className="muted">
        {t('catalog.approvedAt')} {formatDate(entry.approvedAt)}
      </p>
      <CatalogLicense license={entry.license} />
      <ReuseSection entryId={entry.id} license={entry.license} />
      <CatalogSections entry={entry} />
    </PageShell>
  );
}

const loadTeams = () => listTeams();

function ReuseSection({ entryId, license }: { entryId: string; license: string }) {
  const t = useT();
  const { state } = useCurrentUser();
  const here = useCurrentPath();
  const headingId = useId();
  return (
    <section className="page-section card reuse" aria-labelledby={headingId} data-testid="catalog-reuse">
      <h2 id={headingId}>{t('catalog.reuseHeading')}</h2>
      <ReuseResponsibility license={license} />
      {state.status === 'signedIn' ? (
        <ReuseForm entryId={entryId} />
      ) : state.status === 'signedOut' ? (
        <p>
          <Link to={loginPath(here)}>{t('catalog.reuseLogin')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ReuseForm({ entryId }: { entryId: string }) {
  const t = useT();
  const teams = useLoadable('mine', loadTeams);
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const selectId = useId();
  if (teams.state.status === 'loading') return <p className="muted">{t('catalog.loading')}</p>;
  if (teams.state.status === 'error') return <ErrorMessage error={teams.state.error} />;
  const eligible = teams.state.data.filter(
    (team: MyTeam) => team.kind === 'cocreatieteam' && can(team.role, 'document.create'),
  );
  if (eligible.length === 0) return <p>{t('catalog.reuseNoTeam')}</p>;
  const chosen = teamId || eligible[0]!.id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await reuseCatalogEntry(entryId, chosen);
      navigate(designPath(created.id));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <p>{t('catalog.reuseIntro')}</p>
      <div className="field">
        <label htmlFor={selectId}>{t('catalog.reuseTeam')}</label>
        <select
          id={selectId}
          value={chosen}
          onChange={(event) => setTeamId(event.target.value)}
          data-testid="reuse-team"
        >
          {eligible.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="reuse-submit">
        <CopyPlus aria-hidden="true" />
        {busy ? t('catalog.reusing') : t('catalog.reuse')}
      </button>
    </form>
  );
}
