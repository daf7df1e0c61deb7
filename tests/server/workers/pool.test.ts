import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../server/workers/pool';
import { apiRequest, startTestServer, type TestServer } from '../../support/server';

/** The worker pool: real threads running the real jobs (server/workers/jobs.ts). */
describe('WorkerPool', () => {
  it('stops a job over its time limit with 503, and the next job runs on a new thread', async () => {
    const pool = new WorkerPool({ threads: 1, maxQueued: 4, jobTimeoutMs: 200 });
    try {
      expect(await pool.run('spin', { ms: 1 })).toBe(1); // the thread is up
      const started = performance.now();
      await expect(pool.run('spin', { ms: 20_000 })).rejects.toMatchObject({
        status: 503,
        code: 'job_timeout',
      });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(await pool.run('spin', { ms: 1 })).toBe(1);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('refuses a job at once with 503 in Dutch when the queue is full; queued jobs still run', async () => {
    const pool = new WorkerPool({ threads: 1, maxQueued: 1, jobTimeoutMs: 10_000 });
    try {
      const running = pool.run('spin', { ms: 300 });
      const queued = pool.run('spin', { ms: 2 });
      await expect(pool.run('spin', { ms: 1 })).rejects.toMatchObject({
        status: 503,
        code: 'busy',
        message: 'Het is nu te druk, probeer het zo opnieuw.',
      });
      expect(await running).toBe(300);
      expect(await queued).toBe(2);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('a request whose job outlives WORKER_JOB_TIMEOUT_MS', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Loading docx alone takes longer than 10 ms, on every thread (each replacement loads it again).
    server = await startTestServer({ WORKER_JOB_TIMEOUT_MS: '10' });
  });
  afterAll(() => server.close());

  it('gets 503 with a Dutch message; the server keeps answering', async () => {
    const owner = await server.owner();
    const docId = await server.createDocument({ title: 'Traag' });
    for (let i = 0; i < 2; i++) {
      const response = await apiRequest(server.url, 'GET', `/api/documents/${docId}/export?format=docx`, {
        cookie: owner.cookie,
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: { code: 'job_timeout', message: 'Dit duurde te lang en is gestopt. Probeer het zo opnieuw.' },
      });
    }
    expect((await apiRequest(server.url, 'GET', '/api/health')).status).toBe(200);
  }, 30_000);
});
