import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/en';
import { nl, type MessageKey, type Messages } from '../../../client/i18n/nl';
import { LOCALES, translate } from '../../../client/i18n/translate';

const dutch = new Intl.PluralRules(LOCALES.nl);
const english = new Intl.PluralRules(LOCALES.en);

describe('translate', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate(nl, dutch, 'templateDiff.fromTo', { from: '1.0', to: '2.0' })).toBe(
      'Van versie 1.0 naar versie 2.0',
    );
    expect(translate(nl, dutch, 'templateDiff.fromTo', { from: '1.0' })).toBe(
      'Van versie 1.0 naar versie {to}',
    );
  });

  it('picks the plural form of the count in the UI language', () => {
    const outcomes = (messages: Messages, rules: Intl.PluralRules, count: number) =>
      translate(messages, rules, 'traject.outcomes', { count });
    expect([0, 1, 2].map((count) => outcomes(nl, dutch, count))).toEqual([
      '0 leeruitkomsten',
      '1 leeruitkomst',
      '2 leeruitkomsten',
    ]);
    expect([1, 2].map((count) => outcomes(en, english, count))).toEqual([
      '1 learning outcome',
      '2 learning outcomes',
    ]);
    // Several counts in one message, each with its own form; other placeholders still filled.
    expect(
      translate(nl, dutch, 'traject.pictureLabel', { covered: 1, total: 1, designs: 2, gaps: 'geen' }),
    ).toBe('Dekkingsmatrix: 1 van 1 leeruitkomst gedekt door 2 leerarrangementen. Niet gedekt: geen.');
  });

  it('uses an exact branch before the category, and a formatted count as given', () => {
    const messages = { ...nl, 'traject.outcomes': '{count, plural, =0 {geen} one {# stuk} other {# stuks}}' };
    expect(translate(messages, dutch, 'traject.outcomes', { count: 0 })).toBe('geen');
    expect(translate(messages, dutch, 'traject.outcomes', { count: '1.234' })).toBe('1.234 stuks');
  });

  it.each([
    ['nl', nl, dutch],
    ['en', en, english],
  ] as const)(
    'every %s message is well-formed: with all its values given, no braces remain',
    (_, messages, rules) => {
      const broken: string[] = [];
      for (const key of Object.keys(messages) as MessageKey[]) {
        const names = [...messages[key].matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]!);
        for (const count of [1, 2]) {
          const params = Object.fromEntries(names.map((name) => [name, count]));
          const text = translate(messages, rules, key, params);
          if (/[{}]/.test(text)) broken.push(`${key}: ${text}`);
        }
      }
      expect(broken).toEqual([]);
    },
  );
});
