import { sql } from 'kysely';
import type { DocumentKind, DocumentSummary } from '../../shared/schemas/documents';
import type { SearchResult } from '../../shared/schemas/search';
import type { AppDeps } from '../deps';
import { likeIgnoringCase } from '../db/portable';
import { documentPath } from '../presenters/paths';
import { MARK_END, MARK_START } from '../search/searchStore';

/** Terms of a query at most; more words narrow nothing a person would type. */
const MAX_TERMS = 8;
const FULL_TEXT_LIMIT = 20;
const SIDE_LIMIT = 8;
/** Characters of a comment shown around its first match. */
const SNIPPET_CHARS = 160;

/** The words of a query (letters and digits), lowercased; safe in FTS5 and tsquery syntax as they are. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .normalize('NFKC')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [],
    ),
  ].slice(0, MAX_TERMS);
}

/** A snippet with MARK_START/MARK_END markers as plain text and the marked ranges. */
export function unmark(marked: string): Pick<SearchResult, 'snippet' | 'highlights'> {
  const highlights: Array<[number, number]> = [];
  let snippet = '';
  let start = -1;
  for (const char of marked) {
    if (char === MARK_START) start = snippet.length;
    else if (char === MARK_END && start >= 0) {
      if (snippet.length > start) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}

/** A window of `text` around its first match of any term, with every term's occurrences marked. */
export function snippetAround(
  text: string,
  terms: readonly string[],
): Pick<SearchResult, 'snippet' | 'highlights'> {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const first = Math.min(
    ...terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0),
    flat.length,
  );
  const from = Math.max(0, first - SNIPPET_CHARS / 4);
  const prefix = from > 0 ? '…' : '';
  const window = flat.slice(from, from + SNIPPET_CHARS);
  const suffix = from + SNIPPET_CHARS < flat.length ? '…' : '';
  const snippet = prefix + window + suffix;
  const highlights: Array<[number, number]> = [];
  const lowerSnippet = snippet.toLowerCase();
  for (const term of terms) {
    for (let at = lowerSnippet.indexOf(term); at >= 0; at = lowerSnippet.indexOf(term, at + term.length))
      highlights.push([at, at + term.length]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  return { snippet, highlights };
}

const editorPath = (id: string, kind: string) => documentPath({ id, kind } as DocumentSummary);

function resultUrl(kind: string, id: string): string {
  if (kind === 'template') return `/bibliotheek/${encodeURIComponent(id)}`;
  if (kind === 'catalog') return `/catalogus/${encodeURIComponent(id)}`;
  return editorPath(id, kind);
}

/**
 * Everything `userId` may see that matches `query`: the full-text index (their teams' documents,
 * published ontwikkelpaden, the catalog), then their teams' trajecten by title and the comments on
 * their teams' documents (small tables, searched directly so a new comment is found at once).
 */
export async function search(deps: AppDeps, userId: string, query: string): Promise<SearchResult[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const db = deps.database.db;
  const teams = sql<string>`(SELECT team_id FROM memberships WHERE user_id = ${userId})`;
  const contains = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

  const hits = await deps.stores.search.search(userId, terms, FULL_TEXT_LIMIT);
  const trajects = await db
    .selectFrom('trajects')
    .select(['id', 'title'])
    .where('team_id', 'in', teams)
    .where((eb) => eb.and(terms.map((term) => likeIgnoringCase(db, eb.ref('title'), contains(term)))))
    .orderBy('updated_at', 'desc')
    .limit(SIDE_LIMIT)
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('documents', 'documents.id', 'comments.doc_id')
    .select([
      'comments.id',
      'comments.thread_id',
      'comments.round_id',
      'comments.body',
      'documents.id as docId',
      'documents.kind',
      'documents.title',
    ])
    .where('documents.team_id', 'in', teams)
    .where('comments.deleted_at', 'is', null)
    .where((eb) => eb.and(terms.map((term) => likeIgnoringCase(db, eb.ref('comments.body'), contains(term)))))
    .orderBy('comments.created_at', 'desc')
    .limit(SIDE_LIMIT)
    .execute();

  return [
    ...hits.map((hit) => ({
      kind: hit.kind as SearchResult['kind'],
      id: hit.refId,
      title: hit.title,
      ...unmark(hit.marked),
      url: resultUrl(hit.kind, hit.refId),
    })),
    ...trajects.map((traject) => ({
      kind: 'traject' as const,
      id: traject.id,
      title: traject.title,
      ...snippetAround(traject.title, terms),
      url: `/trajecten/${encodeURIComponent(traject.id)}`,
    })),
    ...comments.map((comment) => {
      const base = editorPath(comment.docId, comment.kind as DocumentKind);
      const round = comment.round_id ? `ronde=${encodeURIComponent(comment.round_id)}&` : '';
      return {
        kind: 'comment' as const,
        id: comment.id,
        title: comment.title,
        ...snippetAround(comment.body, terms),
        url: `${base}?${round}reactie=${encodeURIComponent(comment.thread_id)}`,
      };
    }),
  ];
}
