import { useId } from 'react';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { useT } from '../../i18n/I18nProvider';
import { roleLabelKey } from '../../i18n/labels';

interface RoleSelectProps {
  value: Role;
  onChange: (role: Role) => void;
  /** Visible label; when `visibleLabel` is false it becomes the accessible name only. */
  label: string;
  visibleLabel?: boolean;
  testId?: string;
}

/** A native <select> of the four roles (arrow keys change it; no custom widget to learn). */
export function RoleSelect({ value, onChange, label, visibleLabel = true, testId }: RoleSelectProps) {
  const t = useT();
  const id = useId();
  const select = (
    <select
      id={id}
      value={value}
      aria-label={visibleLabel ? undefined : label}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(roleLabelKey(role))}
        </option>
      ))}
    </select>
  );
  if (!visibleLabel) return select;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}
