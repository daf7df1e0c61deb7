import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sampleValue, scrapeMetrics, type Sample } from '../../support/promText';
import { startTestServer, type TestServer } from '../../support/server';

const TOKEN = 'metrics-token-for-the-route-labels';

/** The status a WebSocket upgrade is answered with (101, or the refusal's). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('upgrade', () => {
      resolve(101);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    socket.once('error', reject);
  });
}

const requestSeries = (samples: Sample[]) =>
  samples.filter((sample) => sample.name === 'werkplaats_http_requests_total');

describe('werkplaats_http_requests_total labels', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
    await server.owner();
  });
  afterAll(() => server.close());

  const scrape = () => scrapeMetrics(server.url, TOKEN);

  it('name token routes by their pattern: no token ever becomes a label value', async () => {
    const secret = randomBytes(24).toString('base64url');
    const paths = [
      `/api/invites/${secret}`,
      `/api/round-links/${secret}`,
      `/uitnodiging/${secret}`,
      `/feedback/${secret}`,
      `/inloggen?next=/uitnodiging/${secret}`,
    ];
    for (const path of paths) await fetch(`${server.url}${path}`);
    await fetch(`${server.url}/api/invites/${secret}/accept`, {
      method: 'POST',
      headers: { origin: server.url, cookie: server.cookie },
    });
    const samples = await scrape();
    expect(JSON.stringify(requestSeries(samples))).not.toContain(secret);
    expect(
      sampleValue(samples, 'werkplaats_http_requests_total', { route: '/api/invites/:token', status: '404' }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'werkplaats_http_requests_total', {
        route: '/api/round-links/:token',
        status: '404',
      }),
    ).toBe(1);
  });

  it('stay a bounded set however many different paths are asked', async () => {
    const before = requestSeries(await scrape()).length;
    for (let i = 0; i < 30; i++) {
      const id = randomBytes(8).toString('hex');
      await fetch(`${server.url}/api/${id}`);
      await fetch(`${server.url}/api/designs/${id}`, { headers: { cookie: server.cookie } });
      await fetch(`${server.url}/${id}/${id}`);
    }
    const after = requestSeries(await scrape());
    // At most one new series per route pattern and status met here (and the scrapes themselves).
    expect(after.length - before).toBeLessThanOrEqual(4);
  });

  it('count refused WebSocket upgrades by their status, as accepted ones are (101)', async () => {
    const docId = await server.createDocument();
    const url = `${server.wsUrl}/${docId}`;
    const count = (samples: Sample[], status: string) =>
      sampleValue(samples, 'werkplaats_http_requests_total', { route: '/collab/:docId', status }) ?? 0;
    const before = await scrape();
    expect(await upgradeStatus(url, { origin: server.url })).toBe(401);
    expect(await upgradeStatus(url, { origin: 'https://elders.example', cookie: server.cookie })).toBe(403);
    expect(await upgradeStatus(url, { origin: server.url, cookie: server.cookie })).toBe(101);
    const after = await scrape();
    for (const status of ['401', '403', '101'])
      expect(count(after, status) - count(before, status), status).toBe(1);
  });
});
