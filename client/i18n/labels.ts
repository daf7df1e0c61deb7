import { ROLES, type Role, type TeamKind } from '../../shared/domain/roles';
import type { MessageKey } from './nl';

/** Message key of a role's name ("eigenaar", "bewerker", …). */
export function roleLabelKey(role: Role): MessageKey {
  return `role.${role}`;
}

/** Message key of a team kind's name ("atelier", "co-creatieteam"). */
export function teamKindLabelKey(kind: TeamKind): MessageKey {
  return `teamKind.${kind}`;
}

/** Narrows an unknown value (e.g. from audit details) to a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
