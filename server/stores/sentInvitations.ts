import type { Executor } from '../db/database';

/** Where invitations were mailed (`invites.sent_to`, `round_links.sent_to`). */
export function createSentInvitationStore(db: Executor) {
  return {
    /** Records the address a team invite was mailed to. */
    async teamInvite(inviteId: string, email: string): Promise<void> {
      await db.updateTable('invites').set({ sent_to: email }).where('id', '=', inviteId).execute();
    },
    /** Records the address a round's reviewer link was mailed to. */
    async roundLink(linkId: string, email: string): Promise<void> {
      await db.updateTable('round_links').set({ sent_to: email }).where('id', '=', linkId).execute();
    },
  };
}

export type SentInvitationStore = ReturnType<typeof createSentInvitationStore>;
