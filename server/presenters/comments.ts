import * as Y from 'yjs';
import { resolveTextAnchor } from '../../shared/comments/anchors';
import { DESIGN_KEYS } from '../../shared/editor/designDoc';
import { SECTIONS_ARRAY } from '../../shared/editor/fields';
import {
  anchorSchema,
  type Anchor,
  type CommentMessage,
  type CommentThread,
  type ItemAnchor,
} from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import { canSeeThread } from '../policies/comment';
import type { CommentRow } from '../stores/rounds';
import { iso, person } from './common';

type Deps = Pick<AppDeps, 'stores'>;

/** `@[Naam](userId)` — how a mention is written in a message body. */
const MENTION = /@\[([^\]\n]{1,200})\]\(([A-Za-z0-9-]{1,100})\)/g;

/** The ids of the people a message body mentions, each once. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[2]!))];
}

/**
 * One message as the API shows it; a deleted one keeps its place without its text. A mention is
 * resolved to a name only for someone who can see the thread: an id typed by hand must not reveal
 * the name of any account (the client shows the unresolved rest as plain text).
 */
export async function presentMessage(deps: Deps, row: CommentRow): Promise<CommentMessage> {
  const deleted = row.deleted_at !== null;
  const mentions: CommentMessage['mentions'] = [];
  if (!deleted) {
    for (const id of mentionedIds(row.body)) {
      if (!(await canSeeThread(deps.stores, id, row.doc_id, row.round_id))) continue;
      const user = await deps.stores.users.get(id);
      if (user) mentions.push({ id, name: user.name });
    }
  }
  return {
    id: row.id,
    threadId: row.thread_id,
    author: person(row.author_id, row.author_name),
    body: deleted ? '' : row.body,
    mentions,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: iso(row.edited_at),
    deleted,
  };
}

function parseAnchor(raw: string | null): Anchor | null {
  if (!raw) return null;
  const parsed = anchorSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/** Whether a structured item still exists in the doc. */
function itemExists(doc: Y.Doc, anchor: ItemAnchor): boolean {
  const hasId = (array: Y.Array<unknown>) =>
    array.toArray().some((entry) => entry instanceof Y.Map && entry.get('id') === anchor.itemId);
  switch (anchor.itemKind) {
    case 'section':
      return hasId(doc.getArray(SECTIONS_ARRAY));
    case 'activity':
      return hasId(doc.getArray(DESIGN_KEYS.activities));
    case 'outcome':
      return doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes).get(anchor.itemId) === true;
    case 'evidence':
      return doc.getMap(DESIGN_KEYS.evidence).has(anchor.itemId);
    case 'field':
      return true;
  }
}

/** Thread view of its messages, with the anchor resolved against `doc` (live draft or frozen version). */
export async function presentThread(
  deps: Deps,
  rows: CommentRow[],
  doc: Y.Doc | null,
): Promise<CommentThread> {
  const root = rows[0]!;
  const anchor = parseAnchor(root.anchor);
  let anchorStatus: CommentThread['anchorStatus'] = 'none';
  let currentQuote: string | null = null;
  if (anchor && doc) {
    if (anchor.type === 'text') {
      const resolved = resolveTextAnchor(doc, anchor);
      anchorStatus = resolved.status;
      currentQuote = resolved.status === 'attached' ? resolved.text : null;
    } else {
      anchorStatus = itemExists(doc, anchor) ? 'attached' : 'detached';
    }
  }
  return {
    id: root.id,
    docId: root.doc_id,
    roundId: root.round_id,
    anchor,
    anchorStatus,
    currentQuote,
    status: root.resolved_at === null ? 'open' : 'resolved',
    resolvedAt: iso(root.resolved_at),
    resolvedBy: person(root.resolved_by, root.resolved_by_name),
    carriedFrom:
      root.carried_from_round && root.carried_from_thread
        ? { roundId: root.carried_from_round, threadId: root.carried_from_thread }
        : null,
    createdAt: new Date(root.created_at).toISOString(),
    messages: await Promise.all(rows.map((row) => presentMessage(deps, row))),
  };
}

/** Groups message rows (ordered by time) into threads, oldest thread first. */
export function groupThreads(deps: Deps, rows: CommentRow[], doc: Y.Doc | null): Promise<CommentThread[]> {
  const byThread = new Map<string, CommentRow[]>();
  for (const row of rows) {
    const list = byThread.get(row.thread_id) ?? [];
    list.push(row);
    byThread.set(row.thread_id, list);
  }
  const threads = [...byThread.values()].filter((list) => list[0]!.id === list[0]!.thread_id);
  return Promise.all(threads.map((list) => presentThread(deps, list, doc)));
}
