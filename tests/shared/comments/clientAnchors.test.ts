import { describe, expect, test } from 'vitest';
import {
  activeMention,
  bodyToDraft,
  draftToBody,
  insertMention,
  matchPeople,
  parseBody,
} from '../../../client/features/comments/mentions';

const ann = { id: 'u-ann', name: 'Ann' };
const annDeVries = { id: 'u-adv', name: 'Ann de Vries' };
const eline = { id: 'u-eli', name: 'Éline Bakker' };
const people = [ann, annDeVries, eline, { id: 'u-bram', name: 'Bram Jansen' }];

describe('mentions in comment bodies (client/features/comments/mentions.ts)', () => {
  test('a stored body splits into text and mentions, and back into what the composer shows', () => {
    const body = 'Dag @[Ann de Vries](u-adv), zie ook @[Bram Jansen](u-bram).';
    expect(parseBody(body)).toEqual([
      { kind: 'text', text: 'Dag ' },
      { kind: 'mention', name: 'Ann de Vries', userId: 'u-adv' },
      { kind: 'text', text: ', zie ook ' },
      { kind: 'mention', name: 'Bram Jansen', userId: 'u-bram' },
      { kind: 'text', text: '.' },
    ]);
    const draft = bodyToDraft(body);
    expect(draft.text).toBe('Dag @Ann de Vries, zie ook @Bram Jansen.');
    expect(draft.people.map((person) => person.id)).toEqual(['u-adv', 'u-bram']);
    // Round trip: editing without changes stores the same body.
    expect(draftToBody(draft.text, draft.people)).toBe(body);
  });

  test('text that only looks like a mention stays text', () => {
    expect(parseBody('mail @ann of [x](y) of @[](u)')).toEqual([
      { kind: 'text', text: 'mail @ann of [x](y) of @[](u)' },
    ]);
  });

  test('the longest picked name wins, names count only as whole words, and removed names are not mentioned', () => {
    expect(draftToBody('@Ann de Vries en @Ann', [ann, annDeVries])).toBe(
      '@[Ann de Vries](u-adv) en @[Ann](u-ann)',
    );
    expect(draftToBody('@Annemarie belt', [ann])).toBe('@Annemarie belt');
    expect(draftToBody('niemand genoemd', [ann])).toBe('niemand genoemd');
    // Only picked people become mentions, whatever is typed.
    expect(draftToBody('@Bram Jansen', [ann])).toBe('@Bram Jansen');
  });

  test('brackets in a name cannot break the stored form', () => {
    expect(draftToBody('@A]b', [{ id: 'u-x', name: 'A]b' }])).toBe('@[A b](u-x)');
  });

  test('the mention being typed is found at the caret, only after whitespace or at the start', () => {
    expect(activeMention('Hoi @An', 7)).toEqual({ start: 4, query: 'An' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('Hoi @Ann de', 11)).toEqual({ start: 4, query: 'Ann de' });
    expect(activeMention('mail@school', 11)).toBeNull();
    expect(activeMention('Hoi @An\nverder', 14)).toBeNull();
    expect(activeMention('Hoi @ An', 8)).toBeNull();
    expect(activeMention('Hoi @An', 3)).toBeNull();
  });

  test('people match by the start of any word, ignoring case and accents; prefixes first', () => {
    expect(matchPeople(people, 'an').map((person) => person.id)).toEqual(['u-ann', 'u-adv', 'u-bram']);
    expect(matchPeople(people, 'eli').map((person) => person.id)).toEqual(['u-eli']);
    expect(matchPeople(people, 'vries').map((person) => person.id)).toEqual(['u-adv']);
    expect(matchPeople(people, 'zzz')).toEqual([]);
    expect(matchPeople(people, '', 2)).toHaveLength(2);
  });

  test('picking a person replaces the typed query and puts the caret after the name', () => {
    expect(insertMention('Hoi @An, kijk', 4, 7, annDeVries)).toEqual({
      text: 'Hoi @Ann de Vries , kijk',
      caret: 18,
    });
  });
});
