import { describe, expect, it } from 'vitest';
import { CAPABILITIES, can, ROLES, roleRank, type Capability, type Role } from '../../../shared/domain/roles';

/**
 * The expected role → capability table, written out by hand from the README ("HTTP API") rather than
 * derived from roles.ts, so a change to the table has to be made twice: here and there.
 */
const expected: Record<Capability, readonly Role[]> = {
  'team.read': ['owner', 'editor', 'commenter', 'viewer'],
  'team.update': ['owner'],
  'team.manageMembers': ['owner'],
  'team.readAudit': ['owner'],
  'team.editEvc': ['owner', 'editor'],
  'document.read': ['owner', 'editor', 'commenter', 'viewer'],
  'document.comment': ['owner', 'editor', 'commenter'],
  'document.edit': ['owner', 'editor'],
  'document.create': ['owner', 'editor'],
  'document.delete': ['owner'],
  'document.changeStatus': ['owner'],
  'template.publish': ['owner', 'editor'],
  'template.establishAlone': ['owner'],
  'review.decide': ['owner', 'editor'],
  'review.editFrame': ['owner'],
};

const cases = ROLES.flatMap((role) =>
  CAPABILITIES.map((capability) => ({ role, capability, allowed: expected[capability].includes(role) })),
);

describe('can(role, capability)', () => {
  it('the expected table covers exactly the capabilities roles.ts defines', () => {
    expect([...CAPABILITIES].sort()).toEqual(Object.keys(expected).sort());
  });

  it('knows exactly the four roles, highest first', () => {
    expect(ROLES).toEqual(['owner', 'editor', 'commenter', 'viewer']);
  });

  it.each(cases)('$role → $capability: $allowed', ({ role, capability, allowed }) => {
    expect(can(role, capability)).toBe(allowed);
  });

  it.each(CAPABILITIES)('a non-member (undefined or null) never may %s', (capability) => {
    expect(can(undefined, capability)).toBe(false);
    expect(can(null, capability)).toBe(false);
  });

  it.each(CAPABILITIES)('%s: every role that may do it outranks every role that may not', (capability) => {
    // Roles are nested: an editor can do all a commenter can, and so on.
    const allowed = ROLES.filter((role) => can(role, capability));
    const denied = ROLES.filter((role) => !can(role, capability));
    for (const higher of allowed)
      for (const lower of denied) expect(roleRank(higher)).toBeGreaterThan(roleRank(lower));
  });
});

describe('roleRank', () => {
  it('orders owner > editor > commenter > viewer', () => {
    const ranks = ROLES.map(roleRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(ROLES.length);
  });
});
