import type { Db } from '../db/connection';

/** What the audit trail records. */
export type AuditAction =
  | 'auth.signup'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'account.exported'
  | 'account.deleted'
  | 'team.created'
  | 'team.updated'
  | 'member.added'
  | 'member.role_changed'
  | 'member.removed'
  | 'invite.created'
  | 'invite.revoked'
  | 'invite.accepted'
  | 'document.created'
  | 'round.opened'
  | 'round.team_invited'
  | 'round.link_created'
  | 'round.closed'
  | 'round.completed'
  | 'template.draft_created'
  | 'template.published'
  | 'design.created'
  | 'design.upgraded'
  | 'traject.created'
  | 'design.status_changed'
  | 'traject.status_changed'
  | 'design.reused'
  | 'document.restored';

/** One audit event as presented. */
export interface AuditEvent {
  id: number;
  teamId: string | null;
  actorId: string | null;
  action: AuditAction;
  details: Record<string, unknown>;
  createdAt: string;
}

interface AuditRow {
  id: number;
  team_id: string | null;
  actor_id: string | null;
  action: AuditAction;
  details: string;
  created_at: number;
}

const present = (row: AuditRow): AuditEvent => ({
  id: row.id,
  teamId: row.team_id,
  actorId: row.actor_id,
  action: row.action,
  details: JSON.parse(row.details) as Record<string, unknown>,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Prepared statements for `audit_events`. Append-only. */
export function createAuditStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_events (team_id, actor_id, action, details, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const forTeam = db.prepare<[string, number], AuditRow>(
    'SELECT * FROM audit_events WHERE team_id = ? ORDER BY id DESC LIMIT ?',
  );
  const forActor = db.prepare<[string], AuditRow>(
    'SELECT * FROM audit_events WHERE actor_id = ? ORDER BY id',
  );

  return {
    /** Records an event (call inside the transaction of the change it describes). */
    record(
      action: AuditAction,
      event: { teamId?: string | null; actorId?: string | null; details?: Record<string, unknown> },
    ) {
      insert.run(
        event.teamId ?? null,
        event.actorId ?? null,
        action,
        JSON.stringify(event.details ?? {}),
        Date.now(),
      );
    },
    forTeam(teamId: string, limit = 500): AuditEvent[] {
      return forTeam.all(teamId, limit).map(present);
    },
    forActor(actorId: string): AuditEvent[] {
      return forActor.all(actorId).map(present);
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
