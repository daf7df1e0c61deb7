import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  apiRequest,
  createDocumentAt,
  createOwnerAt,
  expectJson,
  logInAt,
  makeDataDir,
  removeDataDir,
  signUpAt,
  startChildServer,
  type ChildServer,
  type RequestOptions,
} from '../../support/server';
import { openEventStream } from '../../support/eventStream';
import { waitFor } from '../../support/yclient';

const METRICS_TOKEN = 'metrics-token-that-must-not-be-logged-4711';
const WRONG_PASSWORD = 'wrong-password-that-must-not-be-logged';

/** One parsed stderr line of the server. */
type LogLine = Record<string, unknown> & { level: string; time: string; msg: string };

const logLines = (stderr: string): LogLine[] =>
  stderr
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LogLine);

/** What the test sent and the X-Request-Id the server answered with. */
interface Exchange {
  method: string;
  path: string;
  status: number;
  requestId: string;
  /** Length of the response body (requests only). */
  bodyBytes?: number;
}

/** The answer to a WebSocket upgrade: its status and X-Request-Id (the socket is closed at once). */
function upgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('upgrade', (response) => {
      resolve({ status: 101, requestId: String(response.headers['x-request-id']) });
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, requestId: String(response.headers['x-request-id']) });
      response.destroy();
    });
    socket.once('error', reject);
  });
}

describe('logs of a server used as in production (child process, real stderr)', () => {
  const dataDir = makeDataDir();
  let server: ChildServer;
  /** The round's event stream, as its owner may open it. */
  let events: { path: string; cookie: string };
  const exchanges: Exchange[] = [];
  const secrets: Record<string, string> = { METRICS_TOKEN, WRONG_PASSWORD };

  /** apiRequest that records the exchange, for matching its access line. */
  const send = async (method: string, path: string, options: RequestOptions = {}) => {
    const response = await apiRequest(server.url, method, path, options);
    const bodyBytes = (await response.clone().arrayBuffer()).byteLength;
    const requestId = response.headers.get('x-request-id')!;
    exchanges.push({ method, path, status: response.status, requestId, bodyBytes });
    return response;
  };

  beforeAll(async () => {
    server = await startChildServer(dataDir, { LOG_LEVEL: 'info', METRICS_TOKEN });
    // Sign-up, a wrong and a right login: the password and the session tokens are secrets.
    const owner = await createOwnerAt(server.url, 'Olga Eigenaar');
    Object.assign(secrets, { password: owner.password, ownerSession: owner.token });
    expect(
      (await send('POST', '/api/auth/login', { body: { email: owner.email, password: WRONG_PASSWORD } }))
        .status,
    ).toBe(401);
    const again = await logInAt(server.url, owner);
    secrets.loginSession = again.token;

    // An invite, looked at and accepted; its page opened; the login page with it as `next`.
    const invite = await expectJson<{ token: string }>(
      await send('POST', `/api/teams/${owner.teamId}/invites`, {
        cookie: owner.cookie,
        body: { role: 'editor' },
      }),
      201,
      'create an invite',
    );
    secrets.invite = invite.token;
    const invitee = await signUpAt(server.url, 'Ivo Uitgenodigd');
    secrets.inviteeSession = invitee.token;
    expect((await send('GET', `/api/invites/${invite.token}`)).status).toBe(200);
    expect(
      (await send('POST', `/api/invites/${invite.token}/accept`, { cookie: invitee.cookie })).status,
    ).toBe(200);
    await send('GET', `/uitnodiging/${invite.token}`);
    await send('GET', `/inloggen?next=${encodeURIComponent(`/uitnodiging/${invite.token}`)}`);

    // A feedback round's review link, looked at, accepted and its page opened.
    const docId = await createDocumentAt(server.url, owner);
    const saved = await send('POST', `/api/documents/${docId}/versions`, {
      cookie: owner.cookie,
      body: { label: 'Ronde' },
    });
    // 200 when the unchanged document's newest version is answered instead of a new one.
    const version = await expectJson<{ id: string }>(
      saved,
      saved.status === 200 ? 200 : 201,
      'save a version',
    );
    const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const round = await expectJson<{ id: string }>(
      await send('POST', `/api/documents/${docId}/rounds`, {
        cookie: owner.cookie,
        body: { versionId: version.id, title: 'Ronde', deadline },
      }),
      201,
      'open a round',
    );
    const link = await expectJson<{ token: string }>(
      await send('POST', `/api/rounds/${round.id}/links`, { cookie: owner.cookie, body: {} }),
      201,
      'create a round link',
    );
    secrets.roundLink = link.token;
    events = { path: `/api/rounds/${round.id}/events`, cookie: owner.cookie };
    const reviewer = await signUpAt(server.url, 'Rita Reviewer');
    expect((await send('GET', `/api/round-links/${link.token}`)).status).toBe(200);
    expect(
      (await send('POST', `/api/round-links/${link.token}/accept`, { cookie: reviewer.cookie })).status,
    ).toBe(200);
    await send('GET', `/feedback/${link.token}`);

    // Metrics with the token, and with it in a query string (not how it is read, but never logged).
    expect(
      (await send('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status,
    ).toBe(200);
    expect((await send('GET', `/metrics?token=${METRICS_TOKEN}`)).status).toBe(401);

    // WebSocket upgrades: accepted with the session cookie, refused without it.
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/collab/${docId}`;
    const withSession: Record<string, string> = { cookie: owner.cookie };
    for (const headers of [withSession, {}]) {
      const answer = await upgrade(wsUrl, { ...headers, origin: server.url });
      exchanges.push({ method: 'GET', path: `/collab/${docId}`, ...answer });
    }
    // A request's line is written once its response has been sent: wait for the pipe to bring them.
    await waitFor(
      () => exchanges.every(({ requestId }) => server.stderr().includes(requestId)),
      () => 'not every exchange was logged',
    );
  }, 120_000);

  afterAll(async () => {
    server.kill('SIGTERM');
    await server.exited;
    removeDataDir(dataDir);
  });

  it('writes only JSON lines on stderr, each with level, time and the message in msg', () => {
    const lines = logLines(server.stderr());
    expect(lines.length).toBeGreaterThan(exchanges.length);
    for (const line of lines) {
      expect(line.level).toMatch(/^(debug|info|warn|error)$/);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(typeof line.msg).toBe('string');
    }
  });

  it('logs one access line per request and upgrade, under the id the response carried as X-Request-Id', () => {
    const lines = logLines(server.stderr());
    for (const exchange of exchanges) {
      const matching = lines.filter((line) => line.requestId === exchange.requestId);
      expect(matching, `${exchange.method} ${exchange.path}`).toHaveLength(1);
      const [line] = matching;
      expect(line).toMatchObject({
        msg: exchange.path.startsWith('/collab/') ? 'upgrade' : 'request',
        method: exchange.method,
        status: exchange.status,
        address: '127.0.0.1',
      });
      expect(line!.ms).toBeGreaterThanOrEqual(0);
      // Bytes sent for a request: its body and the headers (an upgrade's are not counted).
      if (exchange.bodyBytes !== undefined) {
        expect(line!.bytes).toBeGreaterThan(exchange.bodyBytes + 100);
        expect(line!.bytes).toBeLessThan(exchange.bodyBytes + 1000);
      }
      expect(line!.path).toBe(
        exchange.path
          .split('?')[0]!
          .replace(/\/(invites|round-links|uitnodiging|feedback)\/[^/]+/, '/$1/:token'),
      );
    }
  });

  it('names the signed-in user on access lines, and the refusal reason of an upgrade', () => {
    const lines = logLines(server.stderr());
    const upgrades = lines.filter((line) => line.msg === 'upgrade');
    expect(upgrades.map((line) => line.status)).toEqual([101, 401]);
    expect(upgrades[0]!.userId).toEqual(expect.any(String));
    expect(upgrades[1]).toMatchObject({ reason: 'unauthenticated' });
    expect(upgrades[1]!.userId).toBeUndefined();
    const accepts = lines.filter((line) => line.msg === 'request' && String(line.path).endsWith('/accept'));
    expect(accepts).toHaveLength(2);
    for (const line of accepts) expect(line.userId).toEqual(expect.any(String));
  });

  it('never logs a password, session token, invite or review-link token, or the metrics token', () => {
    const stderr = server.stderr();
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(stderr.includes(secret), `${what} is in the log`).toBe(false);
      // Encoded as a URL or a JSON string would write it.
      expect(stderr.includes(encodeURIComponent(secret)), `${what} (encoded) is in the log`).toBe(false);
    }
    // The secret half of a session token (`<id>.<secret>`) neither.
    for (const token of [secrets.ownerSession!, secrets.loginSession!, secrets.inviteeSession!]) {
      expect(stderr).not.toContain(token.split('.').at(-1));
    }
  });

  it('logs an event stream when it ends, as aborted when the client went away', async () => {
    const streamLines = () =>
      logLines(server.stderr()).filter((line) => String(line.path).endsWith('/events'));
    const stream = await openEventStream(server.url, events.path, events.cookie);
    expect(stream.status).toBe(200);
    // Open: sending, so not logged yet.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(streamLines()).toEqual([]);
    await stream.close();
    await waitFor(
      () => streamLines().length > 0,
      () => 'the closed stream was not logged',
    );
    expect(streamLines()).toEqual([
      expect.objectContaining({
        msg: 'request',
        path: events.path,
        status: 200,
        aborted: true,
      }),
    ]);
  });
});
