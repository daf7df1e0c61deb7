import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, responseError } from '../../../client/api/request';
import { en } from '../../../client/i18n/en';
import { nl, type MessageKey, type Messages } from '../../../client/i18n/nl';
import { apiErrorText, serverErrorKey } from '../../../client/i18n/serverErrors';
import { LOCALES, translate, type Language, type MessageParams } from '../../../client/i18n/translate';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * Server errors in the UI language: the real server's error bodies go through the client's error
 * path; the English UI shows English for a known code and the server's Dutch only for an unknown
 * one. And every code the server source can send has a message in the catalogs.
 */

const CATALOGS: Record<Language, Messages> = { nl, en };

function textIn(language: Language, error: ApiError): string {
  const plurals = new Intl.PluralRules(LOCALES[language]);
  const t = (key: MessageKey, params?: MessageParams) => translate(CATALOGS[language], plurals, key, params);
  return apiErrorText(error, language, t, CATALOGS[language]);
}

let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  user = await server.signUp('Eva Engels');
});

afterAll(async () => {
  await server?.close();
});

describe('server errors in the UI language', () => {
  it('a wrong password: English in the English UI, the server’s message in the Dutch UI', async () => {
    const response = await server.request('POST', '/api/auth/login', {
      body: { email: user.email, password: 'niet-mijn-wachtwoord' },
    });
    const error = await responseError(response);
    expect([error.status, error.code]).toEqual([401, 'invalid_credentials']);
    expect(textIn('en', error)).toBe('E-mail address or password is incorrect.');
    expect(textIn('nl', error)).toBe('E-mailadres of wachtwoord klopt niet.');
  });

  it('an unknown team: the English UI translates the code, the Dutch UI keeps the specific message', async () => {
    const response = await server.request('GET', '/api/teams/00000000-0000-4000-8000-000000000000', {
      cookie: user.cookie,
    });
    const error = await responseError(response);
    expect(error.code).toBe('not_found');
    expect(textIn('en', error)).toBe('Not found. It may have been removed, or the link is wrong.');
    expect(textIn('nl', error)).toBe(error.message);
    expect(error.message).toMatch(/bestaat niet/);
  });

  it('an unknown code falls back to the server’s message; no message at all to a general one', () => {
    expect(textIn('en', new ApiError(400, 'something_new', 'Iets nieuws ging mis.'))).toBe(
      'Iets nieuws ging mis.',
    );
    expect(textIn('en', new ApiError(502, 'http', ''))).toBe('Something went wrong (502). Please try again.');
    expect(textIn('en', new ApiError(0, 'network', ''))).toMatch(/^No connection to the server/);
  });
});

/** Codes built at run time, by the template literal in the source, and what they can become. */
const DYNAMIC_CODES: Record<string, string[]> = {
  'link_${state.status}': ['link_closed', 'link_revoked', 'link_expired'],
  'link_${status}': ['link_closed', 'link_revoked', 'link_expired'],
};

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the error code catalog', () => {
  it('has a message for every code the server sends', () => {
    const patterns = [
      /new ApiError\(\s*\d+,\s*['`]([^'`]+)['`]/g,
      /sendError\(\s*c,\s*\d+,\s*'([^']+)'/g,
      /errorBody\(\s*'([^']+)'/g,
      /\bcode: '([^']+)'/g,
    ];
    const root = path.resolve(import.meta.dirname, '../../../server');
    const codes = new Set<string>(['unauthenticated', 'forbidden', 'not_found']);
    for (const file of serverSources(root)) {
      // zod's issue code, not an error body's.
      if (file.endsWith(`${path.sep}env.ts`) || file.includes(`${path.sep}env${path.sep}`)) continue;
      const source = fs.readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of source.matchAll(pattern)) {
          const code = match[1]!;
          for (const expanded of code.includes('${') ? (DYNAMIC_CODES[code] ?? [code]) : [code]) {
            codes.add(expanded);
          }
        }
      }
    }
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !serverErrorKey(code, nl)).sort()).toEqual([]);
  });
});
