import type { PersonRef } from '../../../shared/schemas/rounds';

/**
 * Mentions in a comment body are stored as `@[Naam](userId)` (the server resolves them). In the
 * composer people write and see `@Naam`; the names picked from the suggestions are remembered and
 * turned into the stored form when the message is sent. Pure functions (tested in Node).
 */

const MENTION = /@\[([^\]\n]{1,200})\]\(([^)\s]{1,100})\)/g;

/** A piece of a stored body: plain text or a mention. */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

/** Splits a stored body into text and mentions, for rendering. */
export function parseBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const index = match.index;
    if (index > last) parts.push({ kind: 'text', text: body.slice(last, index) });
    parts.push({ kind: 'mention', name: match[1] ?? '', userId: match[2] ?? '' });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** A stored body as the composer shows it (`@Naam`) plus the people mentioned in it. */
export function bodyToDraft(body: string): { text: string; people: PersonRef[] } {
  const people = new Map<string, PersonRef>();
  const text = parseBody(body)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      people.set(part.userId, { id: part.userId, name: part.name });
      return `@${part.name}`;
    })
    .join('');
  return { text, people: [...people.values()] };
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The composer's text with every `@Naam` of a picked person written as `@[Naam](id)`. Longer names
 * first, so "@Ann de Vries" is not taken for "@Ann". A name only counts as a whole word (not
 * followed by a letter or digit). People whose `@Naam` was removed from the text are not mentioned.
 */
export function draftToBody(text: string, people: readonly PersonRef[]): string {
  const sorted = [...people]
    .filter((person) => person.name.trim())
    .sort((a, b) => b.name.length - a.name.length);
  if (sorted.length === 0) return text;
  const byName = new Map(sorted.map((person) => [person.name, person]));
  const pattern = new RegExp(
    `@(${sorted.map((person) => escapeRegExp(person.name)).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return text.replace(pattern, (whole, name: string) => {
    const person = byName.get(name);
    return person ? `@[${person.name.replace(/[[\]\n]/g, ' ')}](${person.id})` : whole;
  });
}

/**
 * The mention being typed at the caret: the `@` must start the text or follow whitespace or an
 * opening bracket, and the query may hold spaces (names do) but no newline or second `@`; at most
 * 40 characters. Answers where it starts (the `@`) and the query after it, or null.
 */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const previous = at === 0 ? '' : before[at - 1];
  if (previous && !/[\s([{"'“‘]/u.test(previous)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** People whose name matches the query (case- and accent-insensitive), best matches first. */
export function matchPeople(people: readonly PersonRef[], query: string, limit = 8): PersonRef[] {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
  const q = fold(query.trim());
  const scored = people
    .map((person) => {
      const name = fold(person.name);
      if (!q) return { person, score: 2 };
      if (name.startsWith(q)) return { person, score: 0 };
      if (name.split(/\s+/).some((word) => word.startsWith(q))) return { person, score: 1 };
      if (name.includes(q)) return { person, score: 2 };
      return null;
    })
    .filter((entry): entry is { person: PersonRef; score: number } => entry !== null);
  scored.sort((a, b) => a.score - b.score || a.person.name.localeCompare(b.person.name, 'nl'));
  return scored.slice(0, limit).map((entry) => entry.person);
}

/** Replaces the mention being typed (from `start` to the caret) with `@Naam ` ; answers text and caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: PersonRef,
): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
