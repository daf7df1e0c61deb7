import { afterAll, describe, expect, it } from 'vitest';

const KINDS = [
  'DateTimeFormat',
  'Collator',
  'NumberFormat',
  'PluralRules',
  'RelativeTimeFormat',
  'ListFormat',
] as const;
const originals = new Map(KINDS.map((kind) => [kind, Intl[kind]]));
const made: string[] = [];
// Every Intl constructor counts what is built with it while the modules below load.
for (const kind of KINDS)
  Object.defineProperty(Intl, kind, {
    configurable: true,
    writable: true,
    value: new Proxy(originals.get(kind)!, {
      construct(target, args: unknown[]) {
        made.push(`${kind}(${JSON.stringify(args[0] ?? null)})`);
        return Reflect.construct(target, args) as object;
      },
    }),
  });

afterAll(() => {
  for (const [kind, original] of originals)
    Object.defineProperty(Intl, kind, { configurable: true, writable: true, value: original });
});

describe('loading the server', () => {
  it('builds no Intl formatter: each maps in MBs of ICU data, ~10 MB of RSS for the three it had (docs/benchmarks.md, session 14)', async () => {
    await import('../../../server/cli/serve');
    await import('../../../server/workers/jobs');
    expect(made).toEqual([]);
    // The count works: a formatter built now is seen.
    new Intl.DateTimeFormat('nl-NL').format(0);
    expect(made).toEqual(['DateTimeFormat("nl-NL")']);
  });
});
