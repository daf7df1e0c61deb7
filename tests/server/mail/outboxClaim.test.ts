import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/postgres';
import { createMailOutboxStore } from '../../../server/stores/mailOutbox';
import { startTestServer } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';
import { createTestPostgresDatabase, TEST_ENGINE, type TestPostgresDatabase } from '../../support/testEngine';

// Several instances on one PostgreSQL database send each mail once: rows are claimed with
// FOR UPDATE SKIP LOCKED. (SQLite has one process and one writer: nothing to race.)

const postgresOnly = (context: { skip(condition: boolean, note?: string): void }) =>
  context.skip(TEST_ENGINE !== 'postgres', 'PostgreSQL only: several instances share one database');

const mail = (to: string) => ({
  kind: 'test',
  to,
  subject: `Proef ${to}`,
  text: 'tekst',
  html: '<p>tekst</p>',
  expiresAt: Date.now() + 60_000,
});

describe('outbox claims on PostgreSQL', () => {
  let database: TestPostgresDatabase | undefined;
  const opened: Database[] = [];
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    if (TEST_ENGINE === 'postgres') database = await createTestPostgresDatabase();
  });

  afterAll(async () => {
    for (const db of opened) await db.close();
    await database?.drop();
    await smtp.stop();
  });

  it('a claim in progress is skipped by another instance, not waited for and not taken twice', async (context) => {
    postgresOnly(context);
    const url = database!.url;
    const first = await openPostgres({ url, poolMax: 2 });
    const second = await openPostgres({ url, poolMax: 2 });
    opened.push(first, second);
    for (let i = 0; i < 10; i++) await createMailOutboxStore(first.db).enqueue(mail(`claim${i}@example.org`));

    const claimedFirst = await first.db.transaction().execute(async (trx) => {
      const mine = await createMailOutboxStore(trx).claimDue(5, 60_000);
      // The other instance claims while this transaction still holds its rows locked.
      const theirs = await Promise.race([
        createMailOutboxStore(second.db).claimDue(10, 60_000),
        new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000)),
      ]);
      return { mine, theirs };
    });
    expect(claimedFirst.theirs).not.toBe('blocked');
    const mineIds = claimedFirst.mine.map((row) => row.id);
    const theirIds = (claimedFirst.theirs as { id: number }[]).map((row) => row.id);
    expect(mineIds).toHaveLength(5);
    expect(theirIds).toHaveLength(5);
    expect(mineIds.filter((id) => theirIds.includes(id))).toEqual([]);
  });

  it('two servers on one database: every mail arrives once', async (context) => {
    postgresOnly(context);
    const shared = await createTestPostgresDatabase();
    const settings = { SMTP_URL: smtp.url, DATABASE_URL: shared.url };
    const a = await startTestServer(settings);
    const b = await startTestServer(settings);
    try {
      const addresses = Array.from({ length: 30 }, (_, i) => `twee${i}@example.org`);
      for (const address of addresses) await a.running.deps.stores.mailOutbox.enqueue(mail(address));
      await Promise.all([
        a.running.deps.mail.flush(),
        b.running.deps.mail.flush(),
        a.running.deps.mail.flush(),
      ]);
      for (const address of addresses) await smtp.waitFor(address);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      for (const address of addresses) expect(smtp.to(address)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await shared.drop();
    }
  });
});
