import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/en';
import { nl } from '../../../client/i18n/nl';

const I18N_DIR = path.resolve(import.meta.dirname, '../../../client/i18n');
const CATALOGS = { nl, en } as const;

/** Every message file of a language (nl.ts, nlTemplates.ts, …) with the messages it defines itself. */
async function messageFiles(language: 'nl' | 'en'): Promise<Array<{ file: string; keys: string[] }>> {
  const files = fs
    .readdirSync(I18N_DIR)
    .filter((file) => new RegExp(`^${language}([A-Z]\\w*)?\\.ts$`).test(file));
  const found = [];
  for (const file of files) {
    const module = (await import(path.join(I18N_DIR, file))) as Record<string, unknown>;
    // The combined catalog itself (`nl`, `en`) is what the files make up, not one of them.
    const parts = Object.entries(module).filter(
      ([name, value]) => name !== language && typeof value === 'object' && value !== null,
    );
    found.push({ file, keys: parts.flatMap(([, value]) => Object.keys(value as object)) });
  }
  return found;
}

describe.each(['nl', 'en'] as const)('the %s message files', (language) => {
  it('define no key twice: a later file would silently overrule an earlier one', async () => {
    const owner = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, keys } of await messageFiles(language)) {
      for (const key of keys) {
        const earlier = owner.get(key);
        if (earlier) duplicates.push(`${key} (${earlier}, ${file})`);
        else owner.set(key, file);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('all end up in the catalog', async () => {
    const defined = (await messageFiles(language)).flatMap(({ keys }) => keys);
    expect(defined.length).toBeGreaterThan(1000);
    expect(Object.keys(CATALOGS[language]).sort()).toEqual([...new Set(defined)].sort());
  });
});
