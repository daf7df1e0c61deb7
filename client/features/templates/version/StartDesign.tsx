import { useId, useState } from 'react';
import { can } from '../../../../shared/domain/roles';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { createDesign } from '../../designs/designsApi';
import { listTeams } from '../../teams/teamsApi';
import type { TemplateVersionDetail } from '../templatesApi';
import { useCreateAndOpen } from '../../../api/useCreateAndOpen';
import { useLoadable } from '../../../api/useLoadable';
import { useT } from '../../../i18n/I18nProvider';
import { designPath } from '../../../app/router';
import { TeamPicker } from './TeamPicker';
import { Plus } from 'lucide-react';

/** "Leerarrangement ontwerpen" for members of a co-creatieteam who may create documents. */
export function StartDesign({ version }: { version: TemplateVersionDetail }) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const teams = useLoadable('', listTeams);
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  const cocreatie =
    teams.state.status === 'ready'
      ? teams.state.data.filter((team) => team.kind === 'cocreatieteam' && can(team.role, 'document.create'))
      : [];
  const target = cocreatie.find((team) => team.id === chosen) ?? cocreatie[0];
  const {
    busy,
    error,
    onSubmit: submit,
  } = useCreateAndOpen(async () => {
    const created = await createDesign({ teamId: target!.id, title: title.trim(), templateId: version.id });
    return designPath(created.id);
  });
  if (!target) return null;
  return (
    <section className="card side-card" aria-labelledby={headingId} data-testid="start-design">
      <h2 id={headingId}>{t('design.start')}</h2>
      <p className="field__hint">{t('design.startHint')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <TeamPicker label={t('design.startTeam')} teams={cocreatie} value={target} onChange={setChosen} />
        <div className="field">
          <label htmlFor={titleId}>{t('design.startTitle')}</label>
          <input
            id={titleId}
            type="text"
            maxLength={200}
            autoComplete="off"
            value={title}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          data-testid="start-design-submit"
          aria-disabled={busy ? true : undefined}
        >
          <Plus aria-hidden="true" />
          {busy ? t('common.creating') : t('design.startSubmit')}
        </button>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
