import type { MyTeam } from './teamsApi';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey, teamKindLabelKey } from '../../i18n/labels';

/** A team's kind, lab and consortium (when set) and my role in it, as a list of facts. */
export function TeamFacts({
  team,
  kindTestId,
  roleTestId,
}: {
  team: MyTeam;
  kindTestId?: string;
  roleTestId: string;
}) {
  const t = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('team.kind')}</dt>
        <dd data-testid={kindTestId}>{t(teamKindLabelKey(team.kind))}</dd>
      </div>
      {team.lab ? (
        <div>
          <dt>{t('team.lab')}</dt>
          <dd>{team.lab}</dd>
        </div>
      ) : null}
      {team.consortium ? (
        <div>
          <dt>{t('team.consortium')}</dt>
          <dd>{team.consortium}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('team.myRole')}</dt>
        <dd data-testid={roleTestId}>{t(roleLabelKey(team.role))}</dd>
      </div>
    </dl>
  );
}
