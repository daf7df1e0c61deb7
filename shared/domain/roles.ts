/**
 * The one role → capability table. The server's policies and the client's controls both ask
 * `can(role, capability)`; nothing compares roles inline.
 */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A toetsingscommissie is the quality system's reviewers; only an administrator creates one. */
export const TEAM_KINDS = ['atelier', 'cocreatieteam', 'toetsingscommissie'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

const table = {
  /** See the team, its members and its documents. */
  'team.read': ['owner', 'editor', 'commenter', 'viewer'],
  /** Rename the team, change its lab/consortium. */
  'team.update': ['owner'],
  /** Add, remove and change the role of members; create and revoke invites. */
  'team.manageMembers': ['owner'],
  /** Write the team's EVC procedure, which its designs refer to. */
  'team.editEvc': ['owner', 'editor'],
  /** Read the team's audit trail. */
  'team.readAudit': ['owner'],
  /** Open a document read-only (live). */
  'document.read': ['owner', 'editor', 'commenter', 'viewer'],
  /** Comment on a document (comments travel over the HTTP API, never the Y.Doc). */
  'document.comment': ['owner', 'editor', 'commenter'],
  /** Change a document's content: a writable sync connection. */
  'document.edit': ['owner', 'editor'],
  /** Create documents in the team. */
  'document.create': ['owner', 'editor'],
  /** Delete a document. */
  'document.delete': ['owner'],
  /** Move a design through its lifecycle (DOMAIN.md): only owners; the externe toetsing decides by review.decide. */
  'document.changeStatus': ['owner'],
  /** Publish an ontwikkelpad draft of an atelier as an immutable version. */
  'template.publish': ['owner', 'editor'],
  /** Set an ontwikkelpad version vastgesteld alone, also one's own (others need a second member). */
  'template.establishAlone': ['owner'],
  /** In a toetsingscommissie: judge submitted designs and decide goedgekeurd/afgekeurd. */
  'review.decide': ['owner', 'editor'],
  /** In a toetsingscommissie: edit its quality frame. */
  'review.editFrame': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof table;
export const CAPABILITIES = Object.keys(table) as Capability[];

/** Whether `role` (undefined: not a member) grants `capability`. */
export function can(role: Role | undefined | null, capability: Capability): boolean {
  if (!role) return false;
  return (table[capability] as readonly Role[]).includes(role);
}

/** Every capability `role` grants: what GET team/document tell the client it may do. */
export function capabilitiesOf(role: Role | undefined | null): Capability[] {
  return CAPABILITIES.filter((capability) => can(role, capability));
}

/** Rank for "at least this role" comparisons, e.g. keeping the higher role on a second invite. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}

/** Dutch names of the roles and team kinds, for UI and messages. */
export const ROLE_LABELS_NL: Record<Role, string> = {
  owner: 'eigenaar',
  editor: 'bewerker',
  commenter: 'commentator',
  viewer: 'lezer',
};
export const TEAM_KIND_LABELS_NL: Record<TeamKind, string> = {
  atelier: 'atelier',
  cocreatieteam: 'co-creatieteam',
  toetsingscommissie: 'toetsingscommissie',
};
