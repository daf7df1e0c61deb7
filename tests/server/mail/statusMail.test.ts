import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLabWithRoles,
  LU_1,
  pedagogischHandelen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { createDesignAt, startTestServer, type TestServer } from '../../support/server';
import { startTestSmtp, type TestSmtp } from '../../support/smtp';

// A status change of a design reaches its team's editors by mail (not the owner who moved it).

let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startTestSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url });
});

afterAll(async () => {
  await server.close();
  await smtp.stop();
});

describe('status change mail', () => {
  it('tells the editors who moved which design where, with a link to it', async () => {
    const { versionId } = await publishTemplateVersion(server, await server.owner(), {
      title: 'Startende leraren',
      sectors: ['vo'],
      nlqfLevel: 5,
      themes: [pedagogischHandelen(LU_1)],
    });
    const { labId, owner, editor, viewer } = await createLabWithRoles(server, 'Lab Status');
    const docId = await createDesignAt(server.url, owner, {
      teamId: labId,
      templateId: versionId,
      title: 'Klimaat',
    });
    const deps = server.running.deps;
    for (const user of [owner, editor, viewer]) {
      await server.request('PATCH', '/api/me', {
        cookie: user.cookie,
        body: { emailNotifications: 'immediately' },
      });
    }
    // What joining the team mailed goes out first.
    await deps.mail.runNotifications();
    await deps.mail.flush();
    const before = smtp.to(editor.email).length;

    const moved = await server.request('POST', `/api/designs/${docId}/status`, {
      cookie: owner.cookie,
      body: { to: 'prototype' },
    });
    expect(moved.status).toBe(200);
    await deps.mail.runNotifications();
    const mail = (await smtp.waitFor(editor.email, before + 1)).at(-1)!;
    expect(mail.parsed.subject).toBe('Olga Eigenaar zette "Klimaat" van "Globaal ontwerp" op "Prototype".');
    expect(mail.parsed.text).toContain(`${server.url}/ontwerpen/${docId}`);
    await deps.mail.flush();
    // Viewers only read along, and the owner made the move.
    expect(smtp.to(owner.email).some((m) => m.parsed.subject?.includes('zette'))).toBe(false);
    expect(smtp.to(viewer.email).some((m) => m.parsed.subject?.includes('zette'))).toBe(false);
  });
});
