import { expect } from 'vitest';
import type { DesignStatus } from '../../../shared/domain/lifecycle';
import {
  createLabWithRoles,
  forceDesignStatus,
  getOk,
  LU_1,
  makeDesignGreen,
  pedagogischHandelen,
  publishTemplateVersion,
} from '../../support/designFixtures';
import { closeARound, createCommittee, type Committee } from '../../support/externalReview';
import { createDesignAt, type TestServer } from '../../support/server';
import { editDraft } from '../../support/yclient';

/**
 * The world the externe toetsing route tests share: a co-creatieteam with its cast, a published
 * ontwikkelpad, one toetsingscommissie, and the moves of a design through the status route.
 */
export async function reviewWorld(server: TestServer) {
  const atelierOwner = await server.owner();
  const { labId, owner, editor, outsider } = await createLabWithRoles(server, 'Co-creatielab Oost');
  const { versionId } = await publishTemplateVersion(server, atelierOwner, {
    title: 'Startende leraren',
    sectors: ['vo'],
    nlqfLevel: 5,
    themes: [pedagogischHandelen(LU_1)],
  });
  const committee: Committee = await createCommittee(server);

  const move = (docId: string, user: { cookie: string }, body: Record<string, unknown>) =>
    server.request('POST', `/api/designs/${docId}/status`, { cookie: user.cookie, body });

  const statusOf = async (docId: string) =>
    (await getOk<{ status: DesignStatus }>(server, `/api/designs/${docId}/status`, owner)).status;

  /** A green design with a closed feedback round, in interne toetsing: ready to submit. */
  async function readyToSubmit(title = 'Klimaat in de klas'): Promise<string> {
    const docId = await createDesignAt(server.url, owner, { teamId: labId, templateId: versionId, title });
    await editDraft(server.wsUrl, docId, editor, (doc) => makeDesignGreen(doc, ['lu-1']));
    await forceDesignStatus(server, docId, 'prototype');
    await closeARound(server, owner, docId);
    expect((await move(docId, owner, { to: 'interne-toetsing' })).status).toBe(200);
    return docId;
  }

  /** The owner submits with outcome "voldoet" (and `body`'s extras, e.g. reviewTeamId). */
  const submit = (docId: string, body: Record<string, unknown> = {}) =>
    move(docId, owner, { to: 'aangemeld-externe-toetsing', outcome: 'voldoet', ...body });

  return { labId, owner, editor, outsider, versionId, committee, move, statusOf, readyToSubmit, submit };
}

/** What reviewWorld makes. */
export type ReviewWorld = Awaited<ReturnType<typeof reviewWorld>>;
