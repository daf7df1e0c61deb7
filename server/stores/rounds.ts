import type { Db } from '../db/connection';
import type { Criterion, RoundStatus, TriageDecision } from '../../shared/schemas/rounds';

export interface RoundRow {
  id: string;
  doc_id: string;
  version_id: string;
  title: string;
  description: string;
  deadline: number;
  criteria: string;
  status: RoundStatus;
  created_by: string | null;
  created_at: number;
  closed_at: number | null;
  closed_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  doc_id: string;
  round_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anchor: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  carried_from_round: string | null;
  carried_from_thread: string | null;
}

export interface ResponseRow {
  id: string;
  round_id: string;
  user_id: string | null;
  user_name: string | null;
  criterion_id: string;
  score: number | null;
  text: string;
  updated_at: number;
  submitted_at: number | null;
}

export interface TriageRow {
  round_id: string;
  item_kind: 'comment' | 'response';
  item_id: string;
  decision: TriageDecision;
  reason: string;
  version_id: string | null;
  version_label: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: number;
}

export interface LinkRow {
  id: string;
  round_id: string;
  label: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  uses: number;
}

export interface NotificationRow {
  id: number;
  user_id: string;
  kind: string;
  text: string;
  link: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: number;
  read_at: number | null;
}

const COMMENT_COLUMNS = `c.*, a.name AS author_name, r.name AS resolved_by_name`;
const COMMENT_FROM = `comments c LEFT JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by`;

/** Prepared statements for comments, feedback rounds, their reviewers, responses, triage and notifications. */
export function createRoundStore(db: Db) {
  const s = {
    insertRound: db.prepare(
      `INSERT INTO feedback_rounds (id, doc_id, version_id, title, description, deadline, criteria, created_by, created_at)
       VALUES (@id, @docId, @versionId, @title, @description, @deadline, @criteria, @createdBy, @createdAt)`,
    ),
    round: db.prepare<[string], RoundRow>('SELECT * FROM feedback_rounds WHERE id = ?'),
    roundsOfDoc: db.prepare<[string], RoundRow>(
      'SELECT * FROM feedback_rounds WHERE doc_id = ? ORDER BY created_at DESC, rowid DESC',
    ),
    updateRound: db.prepare(
      `UPDATE feedback_rounds SET title = @title, description = @description, deadline = @deadline, criteria = @criteria
       WHERE id = @id AND status = 'open'`,
    ),
    closeRound: db.prepare(
      `UPDATE feedback_rounds SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'`,
    ),
    completeRound: db.prepare(
      `UPDATE feedback_rounds SET status = 'completed', completed_at = ?, completed_by = ? WHERE id = ? AND status = 'closed'`,
    ),
    overdue: db.prepare<[number], RoundRow>(
      `SELECT * FROM feedback_rounds WHERE status = 'open' AND deadline <= ? ORDER BY deadline LIMIT 100`,
    ),
    closedCount: db
      .prepare<[string, number], number>(
        `SELECT COUNT(*) FROM feedback_rounds
         WHERE doc_id = ? AND (status IN ('closed', 'completed') OR (status = 'open' AND deadline <= ?))`,
      )
      .pluck(),
    inviteTeam: db.prepare(
      'INSERT OR IGNORE INTO round_teams (round_id, team_id, invited_by, invited_at) VALUES (?, ?, ?, ?)',
    ),
    removeTeam: db.prepare('DELETE FROM round_teams WHERE round_id = ? AND team_id = ?'),
    teamsOfRound: db.prepare<[string], { id: string; name: string; kind: string }>(
      `SELECT t.id, t.name, t.kind FROM round_teams rt JOIN teams t ON t.id = rt.team_id
       WHERE rt.round_id = ? ORDER BY t.name`,
    ),
    reviewerTeam: db.prepare<[string, string], { id: string; name: string }>(
      `SELECT t.id, t.name FROM round_teams rt JOIN memberships m ON m.team_id = rt.team_id
       JOIN teams t ON t.id = rt.team_id WHERE rt.round_id = ? AND m.user_id = ? LIMIT 1`,
    ),
    isIndividual: db
      .prepare<[string, string], number>('SELECT 1 FROM round_reviewers WHERE round_id = ? AND user_id = ?')
      .pluck(),
    addIndividual: db.prepare(
      'INSERT OR IGNORE INTO round_reviewers (round_id, user_id, link_id, joined_at) VALUES (?, ?, ?, ?)',
    ),
    reviewers: db.prepare<
      [string, string],
      { user_id: string; name: string; team_id: string | null; team_name: string | null }
    >(
      `SELECT m.user_id, u.name, t.id AS team_id, t.name AS team_name
         FROM round_teams rt JOIN memberships m ON m.team_id = rt.team_id JOIN users u ON u.id = m.user_id
         JOIN teams t ON t.id = rt.team_id WHERE rt.round_id = ? AND u.deleted_at IS NULL
       UNION
       SELECT rr.user_id, u.name, NULL, NULL FROM round_reviewers rr JOIN users u ON u.id = rr.user_id
         WHERE rr.round_id = ? AND u.deleted_at IS NULL`,
    ),
    roundsForReviewer: db.prepare<[string, string], RoundRow>(
      `SELECT r.* FROM feedback_rounds r WHERE r.id IN (
         SELECT rt.round_id FROM round_teams rt JOIN memberships m ON m.team_id = rt.team_id WHERE m.user_id = ?
         UNION SELECT round_id FROM round_reviewers WHERE user_id = ?)
       ORDER BY r.created_at DESC LIMIT 200`,
    ),
    insertLink: db.prepare(
      `INSERT INTO round_links (id, round_id, token_hash, label, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    linkByHash: db.prepare<[Uint8Array], LinkRow>(
      `SELECT l.*, (SELECT COUNT(*) FROM round_reviewers rr WHERE rr.link_id = l.id) AS uses
       FROM round_links l WHERE token_hash = ?`,
    ),
    linksOfRound: db.prepare<[string], LinkRow>(
      `SELECT l.*, (SELECT COUNT(*) FROM round_reviewers rr WHERE rr.link_id = l.id) AS uses
       FROM round_links l WHERE round_id = ? ORDER BY created_at DESC`,
    ),
    revokeLink: db.prepare(
      'UPDATE round_links SET revoked_at = ? WHERE id = ? AND round_id = ? AND revoked_at IS NULL',
    ),
    upsertResponse: db.prepare(
      `INSERT INTO round_responses (id, round_id, user_id, criterion_id, score, text, updated_at)
       VALUES (@id, @roundId, @userId, @criterionId, @score, @text, @updatedAt)
       ON CONFLICT (round_id, user_id, criterion_id) DO UPDATE SET score = excluded.score, text = excluded.text,
         updated_at = excluded.updated_at`,
    ),
    responses: db.prepare<[string], ResponseRow>(
      `SELECT rr.*, u.name AS user_name, s.submitted_at FROM round_responses rr
       LEFT JOIN users u ON u.id = rr.user_id
       LEFT JOIN round_submissions s ON s.round_id = rr.round_id AND s.user_id = rr.user_id
       WHERE rr.round_id = ? ORDER BY rr.updated_at, rr.id`,
    ),
    submit: db.prepare(
      'INSERT OR REPLACE INTO round_submissions (round_id, user_id, submitted_at) VALUES (?, ?, ?)',
    ),
    submissions: db.prepare<[string], { user_id: string; submitted_at: number }>(
      'SELECT user_id, submitted_at FROM round_submissions WHERE round_id = ?',
    ),
    insertComment: db.prepare(
      `INSERT INTO comments (id, thread_id, doc_id, round_id, author_id, body, anchor, created_at,
         carried_from_round, carried_from_thread)
       VALUES (@id, @threadId, @docId, @roundId, @authorId, @body, @anchor, @createdAt, @carriedFromRound, @carriedFromThread)`,
    ),
    comment: db.prepare<[string], CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.id = ?`,
    ),
    liveComments: db.prepare<[string], CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.doc_id = ? AND c.round_id IS NULL
       ORDER BY c.created_at, c.rowid LIMIT 5000`,
    ),
    roundComments: db.prepare<[string], CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.round_id = ? ORDER BY c.created_at, c.rowid LIMIT 5000`,
    ),
    threadMessages: db.prepare<[string], CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.thread_id = ? ORDER BY c.created_at, c.rowid`,
    ),
    editComment: db.prepare(
      'UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL',
    ),
    deleteComment: db.prepare(
      "UPDATE comments SET body = '', deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
    ),
    resolve: db.prepare(
      'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ? AND thread_id = id',
    ),
    upsertTriage: db.prepare(
      `INSERT INTO round_triage (round_id, item_kind, item_id, decision, reason, version_id, decided_by, decided_at)
       VALUES (@roundId, @itemKind, @itemId, @decision, @reason, @versionId, @decidedBy, @decidedAt)
       ON CONFLICT (round_id, item_kind, item_id) DO UPDATE SET decision = excluded.decision,
         reason = excluded.reason, version_id = excluded.version_id, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at`,
    ),
    triage: db.prepare<[string], TriageRow>(
      `SELECT t.*, v.label AS version_label, u.name AS decided_by_name FROM round_triage t
       LEFT JOIN document_versions v ON v.id = t.version_id LEFT JOIN users u ON u.id = t.decided_by
       WHERE t.round_id = ?`,
    ),
    notify: db.prepare(
      `INSERT INTO notifications (user_id, kind, text, link, actor_id, doc_id, created_at)
       VALUES (@userId, @kind, @text, @link, @actorId, @docId, @createdAt)`,
    ),
    notifications: db.prepare<[string], NotificationRow>(
      `SELECT n.*, u.name AS actor_name FROM notifications n LEFT JOIN users u ON u.id = n.actor_id
       WHERE n.user_id = ? ORDER BY n.id DESC LIMIT 100`,
    ),
    unread: db
      .prepare<[string], number>('SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL')
      .pluck(),
    markRead: db.prepare(
      'UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
    ),
    markAllRead: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
  };

  return {
    insertRound(round: {
      id: string;
      docId: string;
      versionId: string;
      title: string;
      description: string;
      deadline: number;
      criteria: Criterion[];
      createdBy: string;
    }): void {
      s.insertRound.run({ ...round, criteria: JSON.stringify(round.criteria), createdAt: Date.now() });
    },
    round: (id: string) => s.round.get(id),
    roundsOfDoc: (docId: string) => s.roundsOfDoc.all(docId),
    updateRound(
      id: string,
      fields: { title: string; description: string; deadline: number; criteria: Criterion[] },
    ): boolean {
      return s.updateRound.run({ id, ...fields, criteria: JSON.stringify(fields.criteria) }).changes === 1;
    },
    /** Closes an open round (false when it was not open); `userId` null: its deadline closed it. */
    closeRound: (id: string, userId: string | null, closedAt = Date.now()) =>
      s.closeRound.run(closedAt, userId, id).changes === 1,
    completeRound: (id: string, userId: string) => s.completeRound.run(Date.now(), userId, id).changes === 1,
    /** Up to 100 open rounds whose deadline has passed, earliest first. */
    overdueRounds: (now = Date.now()) => s.overdue.all(now),
    /**
     * Closed rounds on the document (rule R13 and the *interne toetsing* gate): closed by an owner,
     * completed, or past their deadline — whether or not the deadline job has closed them yet.
     */
    closedRoundCount: (docId: string, now = Date.now()) => s.closedCount.get(docId, now) ?? 0,
    inviteTeam: (roundId: string, teamId: string, userId: string) =>
      s.inviteTeam.run(roundId, teamId, userId, Date.now()).changes === 1,
    removeTeam: (roundId: string, teamId: string) => s.removeTeam.run(roundId, teamId).changes === 1,
    teamsOfRound: (roundId: string) => s.teamsOfRound.all(roundId),
    /** The invited team through which the user reviews, if any. */
    reviewerTeam: (roundId: string, userId: string) => s.reviewerTeam.get(roundId, userId),
    isIndividualReviewer: (roundId: string, userId: string) =>
      s.isIndividual.get(roundId, userId) !== undefined,
    addIndividualReviewer: (roundId: string, userId: string, linkId: string) =>
      s.addIndividual.run(roundId, userId, linkId, Date.now()).changes === 1,
    reviewers: (roundId: string) => s.reviewers.all(roundId, roundId),
    roundsForReviewer: (userId: string) => s.roundsForReviewer.all(userId, userId),
    insertLink(link: {
      id: string;
      roundId: string;
      tokenHash: Uint8Array;
      label: string;
      createdBy: string;
      expiresAt: number;
    }): void {
      s.insertLink.run(
        link.id,
        link.roundId,
        link.tokenHash,
        link.label,
        link.createdBy,
        Date.now(),
        link.expiresAt,
      );
    },
    linkByHash: (hash: Uint8Array) => s.linkByHash.get(hash),
    linksOfRound: (roundId: string) => s.linksOfRound.all(roundId),
    revokeLink: (roundId: string, linkId: string) =>
      s.revokeLink.run(Date.now(), linkId, roundId).changes === 1,
    upsertResponse(response: {
      id: string;
      roundId: string;
      userId: string;
      criterionId: string;
      score: number | null;
      text: string;
    }): void {
      s.upsertResponse.run({ ...response, updatedAt: Date.now() });
    },
    responses: (roundId: string) => s.responses.all(roundId),
    submit: (roundId: string, userId: string) => s.submit.run(roundId, userId, Date.now()),
    submissions: (roundId: string) => s.submissions.all(roundId),
    insertComment(comment: {
      id: string;
      threadId: string;
      docId: string;
      roundId: string | null;
      authorId: string;
      body: string;
      anchor: unknown;
      createdAt?: number;
      carriedFromRound?: string | null;
      carriedFromThread?: string | null;
    }): void {
      s.insertComment.run({
        ...comment,
        anchor:
          comment.anchor === null || comment.anchor === undefined ? null : JSON.stringify(comment.anchor),
        createdAt: comment.createdAt ?? Date.now(),
        carriedFromRound: comment.carriedFromRound ?? null,
        carriedFromThread: comment.carriedFromThread ?? null,
      });
    },
    comment: (id: string) => s.comment.get(id),
    liveComments: (docId: string) => s.liveComments.all(docId),
    roundComments: (roundId: string) => s.roundComments.all(roundId),
    threadMessages: (threadId: string) => s.threadMessages.all(threadId),
    editComment: (id: string, body: string) => s.editComment.run(body, Date.now(), id).changes === 1,
    deleteComment: (id: string) => s.deleteComment.run(Date.now(), id).changes === 1,
    setResolved: (threadId: string, userId: string | null) =>
      s.resolve.run(userId ? Date.now() : null, userId, threadId).changes === 1,
    upsertTriage(entry: {
      roundId: string;
      itemKind: 'comment' | 'response';
      itemId: string;
      decision: TriageDecision;
      reason: string;
      versionId: string | null;
      decidedBy: string;
    }): void {
      s.upsertTriage.run({ ...entry, decidedAt: Date.now() });
    },
    triage: (roundId: string) => s.triage.all(roundId),
    notify(notification: {
      userId: string;
      kind: string;
      text: string;
      link: string;
      actorId: string | null;
      docId: string | null;
    }): void {
      s.notify.run({ ...notification, createdAt: Date.now() });
    },
    notifications: (userId: string) => s.notifications.all(userId),
    unreadCount: (userId: string) => s.unread.get(userId) ?? 0,
    markRead(userId: string, ids: number[] | 'all'): void {
      const now = Date.now();
      if (ids === 'all') s.markAllRead.run(now, userId);
      else for (const id of ids) s.markRead.run(now, userId, id);
    },
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
