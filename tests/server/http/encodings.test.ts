import { describe, expect, it } from 'vitest';
import { acceptedEncodings } from '../../../server/http/encodings';

describe('acceptedEncodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip', ['gzip']],
    ['br', ['br']],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['GZIP, BR', ['br', 'gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['br;q=0.2, gzip;q=0.8', ['gzip', 'br']],
    ['gzip;q=1.0, br;q=1.0', ['br', 'gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0', []],
    ['gzip, *;q=0', ['gzip']],
    ['br;q=0.5, *', ['gzip', 'br']],
    ['br;q=abc, gzip', ['gzip']],
    [' br ; q=0.9 ,gzip ; q=0.1', ['br', 'gzip']],
  ] as const)('%j → %j', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });
});
