import { can } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { Stores } from '../deps';
import { ApiError, forbidden, notFound } from '../http/apiError';
import type { CommentRow, RoundRow } from '../stores/rounds';
import { authorizeDocument } from './document';
import { authorizeRound, canOnRound, roundAccess, teamRoleOn } from './round';

/** The stores the comment policy reads. */
type PolicyStores = Pick<Stores, 'documents' | 'teams' | 'rounds'> & Partial<Pick<Stores, 'lifecycle'>>;

/*
 * Who may write comments. On the live draft: team members with `document.comment`. In a feedback
 * round: whoever the round policy lets `comment` — reviewers and commenting team members while the
 * round is open; nobody once it is closed (see RULES in ./round).
 */

/** A new thread on the live draft. */
export async function authorizeLiveComment(
  stores: PolicyStores,
  userId: string,
  docId: string,
): Promise<DocumentSummary> {
  return (await authorizeDocument(stores, userId, docId, 'document.comment')).document;
}

/** A new thread in a round. */
export async function authorizeRoundComment(
  stores: PolicyStores,
  userId: string,
  roundId: string,
): Promise<RoundRow> {
  return (await authorizeRound(stores, userId, roundId, 'comment')).round;
}

/**
 * Loads a thread root the caller may write in (reply, resolve, reopen, edit or delete their own
 * messages); someone who cannot even read its document learns nothing about the thread (404).
 */
export async function authorizeThreadWrite(
  stores: PolicyStores,
  userId: string,
  threadId: string,
): Promise<CommentRow> {
  const root = await stores.rounds.comment(threadId);
  if (!root || root.thread_id !== root.id) throw notFound('Deze reactie bestaat niet.');
  if (root.round_id) {
    await authorizeRoundComment(stores, userId, root.round_id);
    return root;
  }
  try {
    await authorizeLiveComment(stores, userId, root.doc_id);
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status === 403 &&
      !(await canSeeThread(stores, userId, root.doc_id, null))
    ) {
      throw notFound('Deze reactie bestaat niet.');
    }
    throw error;
  }
  return root;
}

/** A message the caller may change: their own, not deleted, in a thread they may write in. */
export async function authorizeOwnMessage(
  stores: PolicyStores,
  userId: string,
  messageId: string,
): Promise<CommentRow> {
  const message = await stores.rounds.comment(messageId);
  if (!message) throw notFound('Dit bericht bestaat niet.');
  await authorizeThreadWrite(stores, userId, message.thread_id);
  if (message.author_id !== userId) throw forbidden('Je kunt alleen je eigen berichten wijzigen.');
  if (message.deleted_at !== null) throw new ApiError(409, 'deleted', 'Dit bericht is verwijderd.');
  return message;
}

/**
 * Whether the user may see a thread where it lives (whom a mention or a reply notification may
 * reach): the document's team, and a round's reviewers while they still see its version.
 */
export async function canSeeThread(
  stores: PolicyStores,
  userId: string,
  docId: string,
  roundId: string | null,
): Promise<boolean> {
  const document = await stores.documents.get(docId);
  if (!document) return false;
  if (can(await teamRoleOn(stores, userId, document), 'document.read')) return true;
  const round = roundId ? await stores.rounds.round(roundId) : undefined;
  const access = round ? await roundAccess(stores, userId, round) : null;
  return round !== undefined && access?.kind === 'reviewer' && canOnRound(access, round, 'viewVersion');
}
