import { approveDesign, createLab, makeDesignGreen } from '../../support/designFixtures';
import {
  createDesignAt,
  createTemplateDraftAt,
  expectJson,
  startChildServer,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../support/server';
import * as yclient from '../../support/yclient';

/** The Y.Text fields of a design the two editors type into. */
export const EDITED_TEXTS = ['evcApproach', 'trajectRelation'];

/** The co-edited design and its content as its editors last saw it (docContent with EDITED_TEXTS). */
export interface EditedDesign {
  docId: string;
  content: Record<string, unknown>;
}

/**
 * Fills `dataDir` with a SQLite database the way people fill it, through the real server: accounts,
 * labs, an atelier with a template draft, a co-edited design with versions, a feedback round with
 * comments and notifications, an approved design; then edits once more on a child server that is
 * killed, as a crash leaves it: a compacted state and committed log rows beside it.
 */
export async function buildSqliteSource(dataDir: string): Promise<EditedDesign> {
  // A low COMPACT_EVERY: the design's log is compacted while it is edited, so doc_state rows come along.
  const server = await startTestServer({ DATA_DIR: dataDir, COMPACT_EVERY: '20' });
  let cast: Cast;
  try {
    cast = await buildAccountsAndRounds(server);
  } finally {
    await server.close();
  }
  // A clean stop compacts every log; a server killed mid-editing leaves committed log rows behind.
  const child = await startChildServer(dataDir, { COMPACT_EVERY: '100000', BACKUP_INTERVAL_MINUTES: '0' });
  try {
    return { docId: cast.docId, content: await coEdit(child.wsUrl, cast, 'daarna') };
  } finally {
    child.kill('SIGKILL');
    await child.exited;
  }
}

interface Cast {
  owner: TestUser;
  editor: TestUser;
  docId: string;
}

/**
 * Accounts, two labs and an atelier, a template draft, a design co-edited by two people with
 * versions, a feedback round with another lab invited, comments, a reply with a mention, and an
 * approved design.
 */
async function buildAccountsAndRounds(server: TestServer): Promise<Cast> {
  const [owner, editor, commenter, reviewer] = (await Promise.all(
    ['Olga Eigenaar', 'Eef Bewerker', 'Coen Commentator', 'Rosa Reviewer'].map((name) => server.signUp(name)),
  )) as [TestUser, TestUser, TestUser, TestUser];
  const as = async <T>(user: TestUser, method: string, url: string, body?: unknown, status = 201) =>
    expectJson<T>(
      await server.request(method, url, { cookie: user.cookie, body }),
      status,
      `${method} ${url}`,
    );
  const labId = await createLab(server, owner, 'Co-creatielab Noord', [
    [editor, 'editor'],
    [commenter, 'commenter'],
  ]);
  const otherLab = await createLab(server, reviewer, 'Co-creatielab Zuid');
  const atelier = await server.createTeam(owner, { name: 'Atelier', kind: 'atelier' });
  await createTemplateDraftAt(server.url, owner, { teamId: atelier });
  const [template] = await as<{ id: string }[]>(owner, 'GET', '/api/templates', undefined, 200);
  const docId = await createDesignAt(server.url, owner, { teamId: labId, templateId: template!.id });
  await coEdit(server.wsUrl, { owner, editor, docId }, 'eerst');

  const version = await as<{ id: string }>(owner, 'POST', `/api/designs/${docId}/versions`, { label: 'v1' });
  // A change between the two: a version of an unchanged state is not stored again.
  await coEdit(server.wsUrl, { owner, editor, docId }, 'daarna');
  await as(owner, 'POST', `/api/designs/${docId}/versions`, { label: 'v2' });
  const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const round = await as<{ id: string }>(owner, 'POST', `/api/documents/${docId}/rounds`, {
    versionId: version.id,
    title: 'Feedbackronde 1',
    deadline,
  });
  await as(owner, 'POST', `/api/rounds/${round.id}/teams`, { teamId: otherLab });
  // The other lab reviews once its owner accepts the request.
  const accepted = await server.request('POST', `/api/teams/${otherLab}/review-requests/${round.id}/accept`, {
    cookie: reviewer.cookie,
  });
  if (accepted.status !== 204) throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
  await as(reviewer, 'POST', `/api/rounds/${round.id}/comments`, { anchor: null, body: 'Welke stappen?' });
  const thread = await as<{ id: string }>(commenter, 'POST', `/api/documents/${docId}/comments`, {
    anchor: null,
    body: 'Mooi begin',
  });
  await as(editor, 'POST', `/api/comments/${thread.id}/replies`, {
    body: `Eens, @[Coen Commentator](${commenter.id})`,
  });
  // Another design, approved (transitions, the frozen publication); an approved one takes no edits.
  const approved = await createDesignAt(server.url, owner, { teamId: labId, templateId: template!.id });
  const client = await yclient.connectSynced(server.wsUrl, approved, { cookie: owner.cookie, durable: true });
  makeDesignGreen(client.doc, []);
  await yclient.waitForAllAcked(client);
  client.destroy();
  await approveDesign(server, owner, approved);
  return { owner, editor, docId };
}

/** Two editors type at once (their edits interleave in the log); returns what they converged on. */
async function coEdit(wsUrl: string, cast: Cast, label: string): Promise<Record<string, unknown>> {
  const [a, b] = await Promise.all(
    [cast.owner, cast.editor].map((user) =>
      yclient.connectSynced(wsUrl, cast.docId, { cookie: user.cookie, durable: true }),
    ),
  );
  try {
    for (let turn = 0; turn < 30; turn++) {
      yclient.setDesignText(a!.doc, 'evcApproach', `Portfolio, ${label} ${turn}`);
      yclient.setDesignText(b!.doc, 'trajectRelation', `Stap ${turn} van het traject (${label})`);
    }
    await Promise.all([yclient.waitForAllAcked(a!), yclient.waitForAllAcked(b!)]);
    await yclient.waitFor(
      () => JSON.stringify(yclient.stateVector(a!.doc)) === JSON.stringify(yclient.stateVector(b!.doc)),
      'the two editors converge',
    );
    return yclient.docContent(a!.doc, EDITED_TEXTS);
  } finally {
    a!.destroy();
    b!.destroy();
  }
}
