import { useId } from 'react';
import type { MyTeam } from '../../teams/teamsApi';

/** Which of my teams an action is for: a select when there is a choice, else the one team named. */
export function TeamPicker({
  label,
  teams,
  value,
  onChange,
}: {
  label: string;
  teams: readonly MyTeam[];
  /** The chosen team; one of `teams`. */
  value: MyTeam;
  onChange: (teamId: string) => void;
}) {
  const id = useId();
  if (teams.length <= 1) {
    return (
      <p className="muted">
        {label}: {value.name}
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value.id} onChange={(event) => onChange(event.target.value)}>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
