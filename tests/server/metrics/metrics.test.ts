import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../../server/env';
import { histogramOf, parseSamples, sampleValue, scrapeMetrics, type Sample } from '../../support/promText';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../../support/yclient';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

/** Every werkplaats_* series an operator relies on (README, "Metrics"). */
const SERIES = [
  'werkplaats_commit_queue_wait_ms',
  'werkplaats_commit_roundtrip_ms',
  'werkplaats_commit_transaction_ms',
  'werkplaats_commit_sync_ms',
  'werkplaats_commit_apply_ms',
  'werkplaats_update_relay_ms',
  'werkplaats_commit_batch_updates',
  'werkplaats_persist_ms',
  'werkplaats_open_sockets',
  'werkplaats_loaded_documents',
  'werkplaats_held_updates',
  'werkplaats_pending_updates',
  'werkplaats_http_requests_total',
  'werkplaats_login_failures_total',
];

const getMetrics = (server: TestServer, authorization?: string) =>
  fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

describe('GET /metrics without METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is 404: metrics are off, whatever the request carries', async () => {
    for (const authorization of [undefined, 'Bearer ', `Bearer ${TOKEN}`]) {
      const response = await getMetrics(server, authorization);
      expect(response.status, String(authorization)).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('METRICS_TOKEN', () => {
  it('must be at least 16 characters; empty means unset', () => {
    expect(() => loadEnv({ METRICS_TOKEN: 'too-short' })).toThrow(/METRICS_TOKEN/);
    expect(loadEnv({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(loadEnv({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    // Compaction after a few rows, so an edit test sees one.
    server = await startTestServer({ METRICS_TOKEN: TOKEN, COMPACT_EVERY: '5' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(() => server.close());

  const scrape = () => scrapeMetrics(server.url, TOKEN);

  it('is 401 without the token or with a wrong one', async () => {
    const wrongSameLength = TOKEN.slice(0, -1) + (TOKEN.endsWith('x') ? 'y' : 'x');
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer ',
      `Bearer ${wrongSameLength}`,
      `Bearer ${TOKEN}0`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const response = await getMetrics(server, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('is 200 with the token: Prometheus text with process metrics and every werkplaats_ series', async () => {
    const response = await getMetrics(server, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [...SERIES, 'process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds']) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });

  it('the commit path histograms and the gauges move with real y-websocket edits through a real socket', async () => {
    const docId = await server.createDocument();
    const before = await scrape();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie, durable: true });
    const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(writer, reader);
    const edits = 20;
    for (let i = 0; i < edits; i++) writer.doc.getText('metrics').insert(i, 'x');
    await waitForAllAcked(writer);
    await waitFor(
      () => reader.doc.getText('metrics').length === edits,
      () => `reader has ${reader.doc.getText('metrics').length} of ${edits} characters`,
    );
    const after = await scrape();
    const moved = (name: string) =>
      (histogramOf(after, name)?.count ?? 0) - (histogramOf(before, name)?.count ?? 0);
    const batches = moved('werkplaats_commit_batch_updates');
    expect(batches).toBeGreaterThan(0);
    const updates =
      histogramOf(after, 'werkplaats_commit_batch_updates')!.sum -
      histogramOf(before, 'werkplaats_commit_batch_updates')!.sum;
    expect(updates).toBeGreaterThanOrEqual(edits);
    // One observation per batch on every stage the batch went through.
    for (const name of [
      'werkplaats_update_relay_ms',
      'werkplaats_commit_queue_wait_ms',
      'werkplaats_commit_roundtrip_ms',
      'werkplaats_commit_apply_ms',
    ]) {
      expect(moved(name), name).toBe(batches);
    }
    expect(sampleValue(after, 'werkplaats_open_sockets')).toBe(2);
    expect(sampleValue(after, 'werkplaats_loaded_documents')).toBe(1);
    expect(sampleValue(after, 'werkplaats_pending_updates')).toBe(0);
    expect(sampleValue(after, 'werkplaats_held_updates')).toBe(0);
  });

  it('times compactions and document-row refreshes that wrote something', async () => {
    const docId = await server.createDocument();
    const persisted = (samples: Sample[], kind: string) =>
      histogramOf(samples, 'werkplaats_persist_ms', { kind })?.count ?? 0;
    const before = await scrape();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie, durable: true });
    clients.push(writer);
    for (let i = 0; i < 10; i++) writer.doc.getText('metrics').insert(i, 'x');
    await waitForAllAcked(writer);
    let after = before;
    await waitFor(
      async () => persisted((after = await scrape()), 'compaction') > persisted(before, 'compaction'),
      () => `persist counts: ${persisted(after, 'compaction')} compactions`,
      5_000,
    );
    // The documents row is refreshed every 2 s (RoomRegistry's metaFlushMs). A compaction writes the
    // row too, leaving a refresh nothing to write (seen on PostgreSQL): one more edit, no compaction.
    writer.doc.getText('metrics').insert(0, 'y');
    await waitForAllAcked(writer);
    await waitFor(
      async () => persisted((after = await scrape()), 'meta') > persisted(before, 'meta'),
      () => `persist counts: ${persisted(after, 'meta')} row refreshes`,
      6_000,
    );
    // Nothing changed since: a refresh that writes nothing is not timed.
    const settled = persisted(after, 'meta');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(persisted(await scrape(), 'meta')).toBe(settled);
  });

  it('counts HTTP requests by the matched route pattern and status, never the raw path', async () => {
    await server.owner();
    const id = randomUUID();
    const labels = { method: 'GET', route: '/api/designs/:id', status: '404' };
    const count = (samples: Sample[]) => sampleValue(samples, 'werkplaats_http_requests_total', labels) ?? 0;
    const before = count(await scrape());
    const response = await server.request('GET', `/api/designs/${id}`, { cookie: server.cookie });
    expect(response.status).toBe(404);
    const after = await scrape();
    expect(count(after) - before).toBe(1);
    const routes = after.filter((sample) => sample.name === 'werkplaats_http_requests_total');
    expect(routes.filter((sample) => JSON.stringify(sample.labels).includes(id))).toEqual([]);
    expect(
      sampleValue(after, 'werkplaats_http_requests_total', { route: '/metrics', status: '200' }),
    ).toBeGreaterThan(0);
  });

  it('counts an accepted WebSocket upgrade as 101 on its route pattern', async () => {
    const docId = await server.createDocument();
    const labels = { method: 'GET', route: '/collab/:docId', status: '101' };
    const before = sampleValue(await scrape(), 'werkplaats_http_requests_total', labels) ?? 0;
    clients.push(await connectSynced(server.wsUrl, docId, { cookie: server.cookie }));
    expect((sampleValue(await scrape(), 'werkplaats_http_requests_total', labels) ?? 0) - before).toBe(1);
  });

  it('counts failed logins', async () => {
    const user = await server.signUp('Inlog Fout');
    const failures = async () => sampleValue(await scrape(), 'werkplaats_login_failures_total') ?? 0;
    const before = await failures();
    const response = await server.request('POST', '/api/auth/login', {
      body: { email: user.email, password: `${user.password}!` },
    });
    expect(response.status).toBe(401);
    expect((await failures()) - before).toBe(1);
    await server.logIn(user);
    expect((await failures()) - before).toBe(1);
  });
});

describe('werkplaats_commit_transaction_ms', () => {
  let server: TestServer;
  let client: TestClient | undefined;
  beforeAll(async () => {
    // Commits answered from another thread (on PostgreSQL: the pool), so only the committer can
    // say how long the transaction took.
    server = await startTestServer({ METRICS_TOKEN: TOKEN, COMMIT_THREAD: 'worker' });
  });
  afterAll(async () => {
    client?.destroy();
    await server.close();
  });

  it('is observed for every batch a committer on another thread answered, from the time it reported', async () => {
    const docId = await server.createDocument();
    const before = await scrapeMetrics(server.url, TOKEN);
    client = await connectSynced(server.wsUrl, docId, { cookie: server.cookie, durable: true });
    for (let i = 0; i < 10; i++) client.doc.getText('metrics').insert(i, 'x');
    await waitForAllAcked(client);
    const after = await scrapeMetrics(server.url, TOKEN);
    const moved = (name: string) => histogramOf(after, name)!.count - histogramOf(before, name)!.count;
    expect(moved('werkplaats_commit_batch_updates')).toBeGreaterThan(0);
    expect(moved('werkplaats_commit_transaction_ms')).toBe(moved('werkplaats_commit_batch_updates'));
  });
});

describe('parseSamples', () => {
  it('reads labels with escaped quotes and the value', () => {
    expect(parseSamples('# HELP x y\nx_total{a="b\\"c",d="e"} 3\ny 1.5\n')).toEqual([
      { name: 'x_total', labels: { a: 'b"c', d: 'e' }, value: 3 },
      { name: 'y', labels: {}, value: 1.5 },
    ]);
  });
});
