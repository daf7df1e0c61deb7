import type { Executor } from '../../db/database';
import { changed } from '../../db/portable';
import { lockingRead } from '../rowLock';

/** An expiring link through which individuals join a round as reviewers; `uses`: how many did. */
export interface LinkRow {
  id: string;
  round_id: string;
  label: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** The address the link was mailed to. */
  sent_to: string | null;
  uses: number;
}

/** Queries on `round_links`. */
export function linkQueries(db: Executor) {
  const links = () =>
    db
      .selectFrom('round_links as l')
      .selectAll('l')
      .select((eb) =>
        eb
          .selectFrom('round_reviewers as rr')
          .select(eb.fn.countAll().as('n'))
          .whereRef('rr.link_id', '=', 'l.id')
          .as('uses'),
      );
  const present = <T extends { uses: unknown }>(row: T) => ({ ...row, uses: Number(row.uses) });

  return {
    /** Stores a link by the hash of its secret (the secret itself is never stored). */
    async insertLink(link: {
      id: string;
      roundId: string;
      tokenHash: Uint8Array;
      label: string;
      createdBy: string;
      expiresAt: number;
    }): Promise<void> {
      await db
        .insertInto('round_links')
        .values({
          id: link.id,
          round_id: link.roundId,
          token_hash: link.tokenHash,
          label: link.label,
          created_by: link.createdBy,
          created_at: Date.now(),
          expires_at: link.expiresAt,
        })
        .execute();
    },
    /** The link whose secret hashes to `hash`, revoked and expired ones included. */
    async linkByHash(hash: Uint8Array): Promise<LinkRow | undefined> {
      const row = await links().where('l.token_hash', '=', hash).executeTakeFirst();
      return row && present(row);
    },
    /** Whether the link still lets someone in, its row locked against revoking until the transaction ends. */
    lockLink(id: string): Promise<{ revoked_at: number | null; expires_at: number } | undefined> {
      return lockingRead(
        db,
        db.selectFrom('round_links').select(['revoked_at', 'expires_at']).where('id', '=', id),
        'share',
      ).executeTakeFirst();
    },
    /** The round's links, newest first. */
    async linksOfRound(roundId: string): Promise<LinkRow[]> {
      const rows = await links().where('l.round_id', '=', roundId).orderBy('l.created_at', 'desc').execute();
      return rows.map(present);
    },
    /** Revokes a live link of the round (false when it is unknown or already revoked). */
    async revokeLink(roundId: string, linkId: string): Promise<boolean> {
      const result = await db
        .updateTable('round_links')
        .set({ revoked_at: Date.now() })
        .where('id', '=', linkId)
        .where('round_id', '=', roundId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
  };
}
