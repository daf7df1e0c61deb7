import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteMe,
  EXPORT_URL,
  getMe,
  login,
  logout,
  signup,
} from '../../../client/features/account/accountApi';
import { searchCatalog } from '../../../client/features/catalog/catalogApi';
import { commentEventsUrl } from '../../../client/features/comments/commentsApi';
import { trajectCsvUrl } from '../../../client/features/designs/designsApi';
import { createDocument, getDocument } from '../../../client/features/documents/documentsApi';
import { ApiError, UNAUTHENTICATED_EVENT } from '../../../client/api/request';
import {
  documentEventsPath,
  roundEventsPath,
  summaryFileUrl,
} from '../../../client/features/rounds/roundsApi';
import {
  createInvite,
  createTeam,
  getTeam,
  listInvites,
  listMembers,
  listTeams,
  revokeInvite,
} from '../../../client/features/teams/teamsApi';
import { libraryQuery, listTemplates } from '../../../client/features/templates/templatesApi';
import {
  exportUrl,
  getVersionDiff,
  listVersions,
  saveVersion,
} from '../../../client/features/versions/versionsApi';
import {
  sessionCookie,
  sessionTokenOf,
  startTestServer,
  TEST_PASSWORD,
  uniqueEmail,
  type TestServer,
} from '../../support/server';

// The client modules call the global fetch with relative /api URLs, as in the browser. This stands
// in for the browser: resolves them against the test server, adds the Origin header browsers send
// and keeps the session cookie.
const realFetch = globalThis.fetch;

let server: TestServer;
let cookie = '';
let calls: Array<{ url: string; init: RequestInit }> = [];
let unauthenticatedEvents = 0;

function browserFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = String(input);
  calls.push({ url, init });
  const headers = new Headers(init.headers);
  headers.set('origin', server.url);
  if (cookie) headers.set('cookie', cookie);
  return realFetch(new URL(url, server.url), { ...init, headers }).then((response) => {
    const token = sessionTokenOf(response);
    if (token) cookie = sessionCookie(token);
    return response;
  });
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  cookie = '';
  calls = [];
  unauthenticatedEvents = 0;
  const window = new EventTarget();
  window.addEventListener(UNAUTHENTICATED_EVENT, () => unauthenticatedEvents++);
  vi.stubGlobal('window', window);
  vi.stubGlobal('fetch', browserFetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signedUp(name: string) {
  return signup({ name, email: uniqueEmail(name), password: TEST_PASSWORD });
}

/** The rejection of `call`, which must be an ApiError. */
async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the typed client against the real routes', () => {
  it('signs up, reads the user and logs out (204 resolves with undefined)', async () => {
    const user = await signedUp('Ans Client');
    expect(await getMe()).toEqual({ ...user, emailNotifications: 'daily' });
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name']);
    expect(await logout()).toBeUndefined();
    expect(calls.map((call) => [call.init.method, call.url])).toEqual([
      ['POST', '/api/auth/signup'],
      ['GET', '/api/me'],
      ['POST', '/api/auth/logout'],
    ]);
  });

  it('sends the session cookie, asks for JSON and marks only a JSON body as such', async () => {
    await signedUp('Bert Headers');
    await getMe();
    const [post, get] = calls;
    expect(post?.init.credentials).toBe('same-origin');
    expect(get?.init.credentials).toBe('same-origin');
    const postHeaders = new Headers(post?.init.headers);
    const getHeaders = new Headers(get?.init.headers);
    expect(postHeaders.get('accept')).toBe('application/json');
    expect(postHeaders.get('content-type')).toBe('application/json');
    expect(getHeaders.get('accept')).toBe('application/json');
    expect(getHeaders.get('content-type')).toBeNull();
    expect(get?.init.body).toBeUndefined();
  });

  it('a lost session: an ApiError with the server’s Dutch message and the unauthenticated event', async () => {
    const error = await apiErrorOf(getMe());
    expect([error.status, error.code, error.message]).toEqual([401, 'unauthenticated', 'Log eerst in.']);
    expect(unauthenticatedEvents).toBe(1);
  });

  it('a failed login is not a lost session, and a quiet call leaves a 401 to its caller', async () => {
    const error = await apiErrorOf(login({ email: uniqueEmail('niemand'), password: 'verkeerd wachtwoord' }));
    expect(error.status).toBe(401);
    await apiErrorOf(getDocument('00000000-0000-4000-8000-000000000000', { reportUnauthenticated: false }));
    expect(unauthenticatedEvents).toBe(0);
    await apiErrorOf(getDocument('00000000-0000-4000-8000-000000000000'));
    expect(unauthenticatedEvents).toBe(1);
  });

  it('a validation error keeps the server’s code and message', async () => {
    await signedUp('Cor Validatie');
    const error = await apiErrorOf(createTeam({ name: '', kind: 'atelier' }));
    expect([error.status, error.code]).toEqual([400, 'invalid_body']);
    expect(error.message).toContain('Teamnaam is leeg');
  });

  it('an unreachable server is status 0, code network', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await apiErrorOf(getMe());
    expect([error.status, error.code, error.message]).toEqual([0, 'network', '']);
  });

  it('encodes path parameters, so an id cannot reach another route', async () => {
    await signedUp('Dirk Paden');
    const error = await apiErrorOf(getTeam('../me'));
    expect(calls.at(-1)?.url).toBe('/api/teams/..%2Fme');
    expect(error.status).not.toBe(200);
  });

  it('teams, members and invites: paths, bodies and answers', async () => {
    const user = await signedUp('Eva Team');
    const { id: teamId } = await createTeam({ name: 'Atelier Client', kind: 'atelier' });
    expect((await listTeams()).map((team) => [team.id, team.role])).toEqual([[teamId, 'owner']]);
    const team = await getTeam(teamId);
    expect(team).toMatchObject({ id: teamId, name: 'Atelier Client', kind: 'atelier', role: 'owner' });
    expect(team.capabilities).toContain('team.manageMembers');
    expect((await listMembers(teamId)).map((member) => member.userId)).toEqual([user.id]);
    const invite = await createInvite(teamId, { role: 'editor' });
    expect(invite.url).toContain(`/uitnodiging/${invite.token}`);
    expect((await listInvites(teamId)).map((listed) => listed.id)).toEqual([invite.id]);
    expect(await revokeInvite(teamId, invite.id)).toBeUndefined();
    expect((await listInvites(teamId))[0]?.revokedAt).not.toBeNull();
  });

  it('versions: the list sent as JSON text, a saved version and a diff with a query', async () => {
    await signedUp('Fien Versies');
    const { id: teamId } = await createTeam({ name: 'Atelier Versies', kind: 'atelier' });
    const { docId } = await createDocument({ teamId, title: 'Versies via de client' });
    const { id: versionId } = await saveVersion(docId, { label: 'Eerste' });
    const versions = await listVersions(docId);
    expect(versions.map((version) => [version.id, version.label])).toEqual([[versionId, 'Eerste']]);
    const diff = await getVersionDiff(docId, versionId);
    expect(diff.from).toMatchObject({ id: versionId, label: 'Eerste' });
    expect(diff.to).toBe('current');
    expect(calls.at(-1)?.url).toBe(
      `/api/documents/${docId}/diff?from=${encodeURIComponent(versionId)}&to=current`,
    );
  });

  it('query strings: the library and the public catalog', async () => {
    await signedUp('Gert Zoekt');
    const templates = await listTemplates(libraryQuery({ kind: '', q: '  ' }));
    expect(templates.length).toBeGreaterThan(0);
    expect(calls.at(-1)?.url).toBe('/api/templates');
    const kind = templates[0]!.kind;
    const filtered = await listTemplates(libraryQuery({ kind }));
    expect(filtered.every((template) => template.kind === kind)).toBe(true);
    expect(calls.at(-1)?.url).toBe(`/api/templates?kind=${kind}`);
    expect(await searchCatalog({ q: 'bestaat-niet-xyz', sector: null })).toEqual([]);
    expect(calls.at(-1)?.url).toBe('/api/catalog?q=bestaat-niet-xyz');
  });

  it('a JSON body on DELETE (account deletion) reaches the route', async () => {
    await signedUp('Hans Weg');
    expect(await deleteMe({ password: TEST_PASSWORD })).toBeUndefined();
    await apiErrorOf(getMe());
  });
});

describe('URLs the browser opens itself (links, downloads, event streams)', () => {
  it('carry the /api base and encoded parameters', () => {
    expect(EXPORT_URL).toBe('/api/me/export');
    expect(exportUrl('d/1', 'md')).toBe('/api/documents/d%2F1/export?format=md');
    expect(exportUrl('d1', 'docx', 'v 1')).toBe('/api/documents/d1/export?format=docx&version=v%201');
    expect(trajectCsvUrl('t1')).toBe('/api/trajects/t1/matrix.csv');
    expect(summaryFileUrl('r1', 'md')).toBe('/api/rounds/r1/summary.md');
    expect(summaryFileUrl('r1', 'html')).toBe('/api/rounds/r1/summary.html');
    expect(documentEventsPath('d1')).toBe('/api/documents/d1/events');
    expect(roundEventsPath('r?1')).toBe('/api/rounds/r%3F1/events');
    expect(commentEventsUrl({ docId: 'd1', roundId: null })).toBe('/api/documents/d1/events');
    expect(commentEventsUrl({ docId: 'd1', roundId: 'r1' })).toBe('/api/rounds/r1/events');
  });
});
