import { useId, useState } from 'react';
import { can } from '../../../../shared/domain/roles';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { toApiError, type ApiError } from '../../../api/request';
import { listTeams, type MyTeam } from '../../teams/teamsApi';
import { createTemplateDraft, type TemplateVersionDetail } from '../templatesApi';
import { useLoadable } from '../../../api/useLoadable';
import { useT } from '../../../i18n/I18nProvider';
import { navigate, templatePath } from '../../../app/router';
import { TeamPicker } from './TeamPicker';
import { Copy, FilePlus } from 'lucide-react';

/**
 * For members of an atelier who may create documents there: a draft from this version.
 * - "Nieuwe versie maken" in the atelier that owns the ontwikkelpad continues its version line;
 * - "Bewerken als nieuw concept" in another atelier starts that atelier's own ontwikkelpad (the
 *   server decides which by the team: a copy elsewhere never publishes into someone else's line).
 * Nothing is shown to anyone else (co-creatieteams read, they do not write templates).
 */
export function ReviseActions({ version }: { version: TemplateVersionDetail }) {
  const t = useT();
  const headingId = useId();
  const teams = useLoadable('', listTeams);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ateliers =
    teams.state.status === 'ready'
      ? teams.state.data.filter((team) => team.kind === 'atelier' && can(team.role, 'document.create'))
      : [];
  const owner = ateliers.find((team) => team.id === version.teamId);
  const others = ateliers.filter((team) => team.id !== version.teamId);
  const [chosen, setChosen] = useState('');
  const target = others.find((team) => team.id === chosen) ?? others[0];

  if (!owner && others.length === 0) return null;

  const create = async (team: MyTeam) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createTemplateDraft({ teamId: team.id, fromVersionId: version.id });
      navigate(templatePath(created.id));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  return (
    <section className="card side-card" aria-labelledby={headingId} data-testid="revise-actions">
      <h2 id={headingId}>{t('version.reviseHeading')}</h2>
      {owner ? (
        <div className="stack">
          <p className="field__hint">{t('version.newVersionHint', { team: owner.name })}</p>
          <button
            type="button"
            className="button button--primary"
            data-testid="new-version"
            aria-disabled={busy ? true : undefined}
            onClick={() => void create(owner)}
          >
            <FilePlus aria-hidden="true" />
            {busy ? t('version.creating') : t('version.newVersion')}
          </button>
        </div>
      ) : null}
      {target ? (
        <div className="stack revise-copy">
          <p className="field__hint">{t('version.copyHint')}</p>
          <TeamPicker label={t('version.copyAtelier')} teams={others} value={target} onChange={setChosen} />
          <button
            type="button"
            className={owner ? 'button' : 'button button--primary'}
            data-testid="copy-as-draft"
            aria-disabled={busy ? true : undefined}
            onClick={() => void create(target)}
          >
            <Copy aria-hidden="true" />
            {busy ? t('version.creating') : t('version.copyAsDraft')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
