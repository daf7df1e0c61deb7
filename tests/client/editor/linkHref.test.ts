import { describe, expect, it } from 'vitest';
import { linkHref } from '../../../client/editor/linkHref';

describe('linkHref: the address a typed link goes to', () => {
  it.each([
    ['https://www.slo.nl/kader', 'https://www.slo.nl/kader'],
    ['  http://voorbeeld.nl  ', 'http://voorbeeld.nl'],
    ['www.slo.nl/kader?x=1#deel', 'https://www.slo.nl/kader?x=1#deel'],
    ['slo.nl', 'https://slo.nl'],
    ['naam@school.nl', 'mailto:naam@school.nl'],
    ['mailto:naam@school.nl', 'mailto:naam@school.nl'],
    ['http://localhost:5173/ontwerpen/1', 'http://localhost:5173/ontwerpen/1'],
  ])('%s → %s', (typed, href) => {
    expect(linkHref(typed)).toBe(href);
  });

  it.each([
    [''],
    ['   '],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['data:text/html,<b>x</b>'],
    ['file:///etc/passwd'],
    ['vbscript:msgbox'],
    ['kader'],
    ['https://kader'],
    ['twee woorden.nl'],
    ['mailto:geen-adres'],
    ['https://'],
  ])('refuses %j', (typed) => {
    expect(linkHref(typed)).toBeUndefined();
  });
});
