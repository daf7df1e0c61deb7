import type { Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { AuditEventsTable } from '../db/schema';

/** What the audit trail records. */
export type AuditAction =
  | 'auth.signup'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.password_reset'
  | 'admin.user_created'
  | 'admin.reset_link_issued'
  | 'admin.password_set'
  | 'admin.user_disabled'
  | 'admin.user_enabled'
  | 'admin.made_admin'
  | 'account.exported'
  | 'account.deleted'
  | 'team.created'
  | 'team.updated'
  | 'team.evc_updated'
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
  | 'round.link_revoked'
  | 'round.reviewer_removed'
  | 'round.team_request_answered'
  | 'round.closed'
  | 'round.completed'
  | 'template.draft_created'
  | 'template.published'
  | 'design.created'
  | 'design.upgraded'
  | 'traject.created'
  | 'design.status_changed'
  | 'review.frame_saved'
  | 'traject.status_changed'
  | 'design.reused'
  | 'document.restored'
  | 'template.established'
  | 'team.license_changed'
  | 'traject.agreement_changed';

/** One audit event as presented. */
export interface AuditEvent {
  id: number;
  teamId: string | null;
  actorId: string | null;
  action: AuditAction;
  details: Record<string, unknown>;
  createdAt: string;
}

const present = (row: Selectable<AuditEventsTable> & { action: AuditAction }): AuditEvent => ({
  id: row.id,
  teamId: row.team_id,
  actorId: row.actor_id,
  action: row.action,
  details: JSON.parse(row.details) as Record<string, unknown>,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Queries on `audit_events`. Append-only. */
export function createAuditStore(db: Executor) {
  const events = () => db.selectFrom('audit_events').selectAll().$narrowType<{ action: AuditAction }>();

  return {
    /** Records an event (call inside the transaction of the change it describes). */
    async record(
      action: AuditAction,
      event: { teamId?: string | null; actorId?: string | null; details?: Record<string, unknown> },
    ): Promise<void> {
      await db
        .insertInto('audit_events')
        .values({
          team_id: event.teamId ?? null,
          actor_id: event.actorId ?? null,
          action,
          details: JSON.stringify(event.details ?? {}),
          created_at: Date.now(),
        })
        .execute();
    },
    /** The team's latest `limit` events, newest first. */
    async forTeam(teamId: string, limit = 500): Promise<AuditEvent[]> {
      const rows = await events().where('team_id', '=', teamId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map(present);
    },
    /** Every event of one actor, oldest first (account export). */
    async forActor(actorId: string): Promise<AuditEvent[]> {
      const rows = await events().where('actor_id', '=', actorId).orderBy('id').execute();
      return rows.map(present);
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
