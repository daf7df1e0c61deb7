import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { hashPassword } from '../../../server/auth/passwords';
import { issuePasswordReset } from '../../../server/commands/passwordReset';
import { unsubscribeToken } from '../../../server/mail/unsubscribe';
import { createDesign } from '../../../server/commands/designs';
import { createTraject } from '../../../server/commands/trajectContents';
import { trajectSnapshot } from '../../../server/commands/trajects';
import { createInvite } from '../../../server/commands/teams';
import { openExampleDesign } from '../../../server/commands/exampleDesign';
import { createTemplateDraft, publishTemplate } from '../../../server/commands/templates';
import { saveVersion } from '../../../server/commands/versions';
import { createDocumentThread, createRoundThread, replyToThread } from '../../../server/commands/comments';
import {
  acceptRoundLink,
  closeRoundByOwner,
  createRound,
  createRoundLink,
  inviteTeam,
} from '../../../server/commands/rounds';
import { ROLES, type Role } from '../../../shared/domain/roles';
import {
  sessionCookie,
  startTestServer,
  TEST_PASSWORD,
  uniqueEmail,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import { approveThroughCommittee } from '../../support/externalReview';
import { editDraft, setDraftMeta } from '../../support/yclient';
import { trajectWithForeignItem } from '../../support/foreignItem';

/**
 * Every route × every kind of caller. The route list comes from the app itself, so a new route
 * without an entry in `table` fails here until someone decides who may call it.
 */

const ACTORS = ['anonymous', 'outsider', 'owner', 'editor', 'commenter', 'viewer'] as const;
type Actor = (typeof ACTORS)[number];
type Expectation = Record<Actor, number>;

/** Status 101: the WebSocket upgrade was accepted. */
const UPGRADED = 101;

/** Same answer for everyone, signed in or not (public routes). */
const everyone = (status: number): Expectation => ({
  anonymous: status,
  outsider: status,
  owner: status,
  editor: status,
  commenter: status,
  viewer: status,
});
/** Any signed-in user; 401 without a session. */
const signedIn = (status: number): Expectation => ({ ...everyone(status), anonymous: 401 });
/** Only these roles of the team; 403 for other roles and non-members, 401 without a session. */
const only = (roles: readonly Role[], status: number): Expectation => ({
  anonymous: 401,
  outsider: 403,
  ...(Object.fromEntries(ROLES.map((role) => [role, roles.includes(role) ? status : 403])) as Record<
    Role,
    number
  >),
});
/** Every member of the team, whatever the role. */
const members = (status: number): Expectation => only(ROLES, status);

/**
 * The seeded world: one atelier with a document, an ontwikkelpad draft, an open invite, the four
 * roles and one outsider; the example ontwikkelpaden published on first start.
 */
interface World {
  server: TestServer;
  /** An atelier (the default owner's team), so it may write ontwikkelpaden. */
  teamId: string;
  docId: string;
  /** An ontwikkelpad draft of the atelier. */
  draftDocId: string;
  /** Ids of the two published example versions. */
  exampleVersionIds: [string, string];
  inviteToken: string;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  /** argon2id hash of TEST_PASSWORD, for users inserted directly (no signup round trip). */
  passwordHash: string;
  /** A co-creatieteam with the same owner, editor, commenter and viewer (designs live there). */
  labId: string;
  /** A version line of the atelier with two published versions, oldest first. */
  lineVersionIds: [string, string];
  /** A design of the co-creatieteam pinned to the older version, and a traject of that version. */
  designId: string;
  trajectId: string;
  /** A saved version of the document and of the design (for version, restore and diff routes). */
  docVersionId: string;
  designVersionId: string;
  /** An approved design of the co-creatieteam, so it is in the public catalog. */
  approvedDesignId: string;
  /** Its submission to a toetsingscommissie none of the actors is in. */
  assignmentId: string;
}

/** What one case sends. `cookie` overrides the actor's own session (stand-ins). */
interface Prepared {
  path: string;
  body?: unknown;
  cookie?: string | undefined;
  cleanup?: () => void;
  /** An event stream: only the status counts; the body is not read to its (never coming) end. */
  stream?: boolean;
}

interface Context {
  actor: Actor;
  world: World;
  /** The actor's session cookie (undefined for anonymous). */
  cookie: string | undefined;
}

interface RouteCase {
  expect: Expectation;
  prepare(context: Context): Prepared | Promise<Prepared>;
}

/** A user inserted straight into the store (password TEST_PASSWORD), for targets and stand-ins. */
async function spareUser(
  world: World,
  name = 'Reserve',
): Promise<{ id: string; email: string; name: string }> {
  const user = { id: randomUUID(), email: uniqueEmail(name), name };
  await world.server.running.deps.stores.users.insert({ ...user, passwordHash: world.passwordHash });
  return user;
}

/** A spare member of the team with `role`, for routes that change or remove a member. */
async function spareMember(world: World, role: Role): Promise<{ id: string; email: string }> {
  const user = await spareUser(world, 'Reservelid');
  await world.server.running.deps.stores.teams.setMember(world.teamId, user.id, role);
  return user;
}

/**
 * Routes that end the caller's session or account (logout, password change, account deletion) are
 * called by a stand-in: a new user with the actor's role and a session of their own, so the
 * actor's session stays usable for the other cases. Only "signed in or not" matters for these.
 */
async function standIn(context: Context): Promise<{ cookie: string | undefined; cleanup: () => void }> {
  const { actor, world } = context;
  if (actor === 'anonymous') return { cookie: undefined, cleanup: () => undefined };
  const { stores, sessions } = world.server.running.deps;
  const user = await spareUser(world, `Invaller ${actor}`);
  if (actor !== 'outsider') await stores.teams.setMember(world.teamId, user.id, actor);
  return {
    cookie: sessionCookie((await sessions.create(user.id)).token),
    cleanup: async () => await stores.teams.removeMember(world.teamId, user.id),
  };
}

/**
 * The example routes act on the caller's own example only, so a spare user of their own calls them
 * (the actors' team lists stay as they are); `withExample` makes that user's example first.
 */
async function exampleCaller(context: Context, withExample: boolean): Promise<Prepared> {
  const path = '/api/examples/design';
  if (context.actor === 'anonymous') return { path, cookie: undefined };
  const { deps } = context.world.server.running;
  const user = await spareUser(context.world, 'Verkenner');
  if (withExample) await openExampleDesign(deps, user);
  return { path, cookie: sessionCookie((await deps.sessions.create(user.id)).token) };
}

/** A fresh open invite (role viewer) of the team, created by the owner. */
async function freshInvite(world: World): Promise<{ id: string; token: string }> {
  return await createInvite(world.server.running.deps, world.users.owner.id, world.teamId, 'viewer');
}

/**
 * A draft of the atelier that publishing accepts right now: a copy of an example version (valid
 * content; another atelier's version, so a new version line that starts at 1.0). One per case,
 * because a published draft cannot be published again unchanged.
 */
async function publishableDraft(world: World): Promise<string> {
  const { deps } = world.server.running;
  return (
    await createTemplateDraft(deps, world.users.owner.id, {
      teamId: world.teamId,
      fromVersionId: world.exampleVersionIds[0],
    })
  ).id;
}

/** A fresh design of the co-creatieteam pinned to the older version (one per upgrade case). */
async function oldDesign(world: World): Promise<string> {
  return (
    await createDesign(world.server.running.deps, world.users.owner.id, {
      teamId: world.labId,
      title: 'Matrixontwerp',
      templateId: world.lineVersionIds[0],
    })
  ).id;
}

/** A fresh design of the co-creatieteam in globaal-ontwerp (one per status-change case). */
async function freshDesign(world: World): Promise<string> {
  return (
    await createDesign(world.server.running.deps, world.users.owner.id, {
      teamId: world.labId,
      title: 'Matrixstatus',
      templateId: world.lineVersionIds[0],
    })
  ).id;
}

/**
 * The version routes, mounted under both /api/documents and /api/designs: reading needs
 * document.read (every member), saving and restoring document.edit (owner, editor).
 */
function versionCases(
  base: '/api/documents' | '/api/designs',
  target: (world: World) => { id: string; versionId: string },
): Record<string, RouteCase> {
  return {
    [`GET ${base}/:id/versions`]: {
      expect: members(200),
      prepare: ({ world }) => ({ path: `${base}/${target(world).id}/versions` }),
    },
    [`POST ${base}/:id/versions`]: {
      // 200: nothing changed since the world's version, so that one is the answer (versionBudget.ts).
      expect: only(['owner', 'editor'], 200),
      prepare: ({ world }) => ({ path: `${base}/${target(world).id}/versions`, body: { label: 'Matrix' } }),
    },
    [`GET ${base}/:id/versions/:versionId`]: {
      expect: members(200),
      prepare: ({ world }) => {
        const { id, versionId } = target(world);
        return { path: `${base}/${id}/versions/${versionId}` };
      },
    },
    [`GET ${base}/:id/versions/:versionId/state`]: {
      expect: members(200),
      prepare: ({ world }) => {
        const { id, versionId } = target(world);
        return { path: `${base}/${id}/versions/${versionId}/state` };
      },
    },
    [`POST ${base}/:id/versions/:versionId/restore`]: {
      // Restoring the same version again just changes nothing new.
      expect: only(['owner', 'editor'], 201),
      prepare: ({ world }) => {
        const { id, versionId } = target(world);
        return { path: `${base}/${id}/versions/${versionId}/restore` };
      },
    },
    [`GET ${base}/:id/diff`]: {
      expect: members(200),
      prepare: ({ world }) => {
        const { id, versionId } = target(world);
        return { path: `${base}/${id}/diff?from=${versionId}&to=current` };
      },
    },
    [`GET ${base}/:id/export`]: {
      expect: members(200),
      prepare: ({ world }) => ({ path: `${base}/${target(world).id}/export?format=md` }),
    },
  };
}

/** Team members of the document's team; non-participants of a round get 404 (its existence stays hidden). */
const roundMembers = (roles: readonly Role[], status: number): Expectation => ({
  ...only(roles, status),
  outsider: 404,
});
/** Thread routes: commenting roles; a viewer 403; someone who cannot read the document 404. */
const threadWriters = (status: number): Expectation => roundMembers(['owner', 'editor', 'commenter'], status);

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

/** A fresh open round on the world document's saved version (one per case: cases change it). */
async function freshRound(world: World): Promise<string> {
  return (
    await createRound(world.server.running.deps, world.users.owner.id, world.docId, {
      versionId: world.docVersionId,
      title: 'Matrixronde',
      deadline: inAWeek(),
    })
  ).id;
}

/** A fresh round whose request to the lab waits for the lab's answer. */
async function requestedRound(world: World): Promise<string> {
  const roundId = await freshRound(world);
  await world.server.running.deps.stores.rounds.inviteTeam(roundId, world.labId, world.users.owner.id, false);
  return roundId;
}

/** A fresh closed round with one comment thread (triage, complete, carry-over). */
async function closedRound(world: World): Promise<{ roundId: string; threadId: string }> {
  const { deps } = world.server.running;
  const roundId = await freshRound(world);
  const threadId = (
    await createRoundThread(deps, world.users.owner.id, roundId, { anchor: null, body: 'Punt' })
  ).id;
  await closeRoundByOwner(deps, world.users.owner.id, roundId);
  return { roundId, threadId };
}

/** A thread on the live draft by the owner. */
async function freshThread(world: World): Promise<string> {
  return (
    await createDocumentThread(world.server.running.deps, world.users.owner.id, world.docId, {
      anchor: null,
      body: 'Matrixreactie',
    })
  ).id;
}

/** A message by the actor when their role may comment, otherwise by the owner. */
async function messageOf(context: Context): Promise<string> {
  const { actor, world } = context;
  const author =
    actor === 'owner' || actor === 'editor' || actor === 'commenter' ? world.users[actor] : world.users.owner;
  return (
    await replyToThread(world.server.running.deps, author.id, await freshThread(world), 'Eigen bericht')
  ).id;
}

/**
 * Comments and feedback rounds, as the document's team and outsiders see them (reviewers from other
 * teams and links are covered in tests/server/routes/feedback.test.ts).
 */
function roundCases(): Record<string, RouteCase> {
  const allRoles = ROLES;
  return {
    'GET /api/documents/:docId/comments': {
      expect: members(200),
      prepare: ({ world }) => ({ path: `/api/documents/${world.docId}/comments` }),
    },
    'POST /api/documents/:docId/comments': {
      expect: only(['owner', 'editor', 'commenter'], 201),
      prepare: ({ world }) => ({
        path: `/api/documents/${world.docId}/comments`,
        body: { anchor: null, body: 'Hoi' },
      }),
    },
    'GET /api/documents/:docId/mentionable': {
      expect: members(200),
      prepare: ({ world }) => ({ path: `/api/documents/${world.docId}/mentionable` }),
    },
    'GET /api/documents/:docId/rounds': {
      expect: members(200),
      prepare: ({ world }) => ({ path: `/api/documents/${world.docId}/rounds` }),
    },
    'POST /api/documents/:docId/rounds': {
      expect: only(['owner'], 201),
      prepare: ({ world }) => ({
        path: `/api/documents/${world.docId}/rounds`,
        body: { versionId: world.docVersionId, title: 'Ronde', deadline: inAWeek() },
      }),
    },
    'GET /api/documents/:docId/events': {
      expect: members(200),
      prepare: ({ world }) => ({ path: `/api/documents/${world.docId}/events`, stream: true }),
    },
    'POST /api/comments/:threadId/replies': {
      expect: threadWriters(201),
      prepare: async ({ world }) => ({
        path: `/api/comments/${await freshThread(world)}/replies`,
        body: { body: 'Antwoord' },
      }),
    },
    'PATCH /api/comments/messages/:messageId': {
      expect: threadWriters(200),
      prepare: async (context) => ({
        path: `/api/comments/messages/${await messageOf(context)}`,
        body: { body: 'Gewijzigd' },
      }),
    },
    'DELETE /api/comments/messages/:messageId': {
      expect: threadWriters(204),
      prepare: async (context) => ({ path: `/api/comments/messages/${await messageOf(context)}` }),
    },
    'POST /api/comments/:threadId/resolve': {
      expect: threadWriters(200),
      prepare: async ({ world }) => ({ path: `/api/comments/${await freshThread(world)}/resolve` }),
    },
    'POST /api/comments/:threadId/reopen': {
      expect: threadWriters(200),
      prepare: async ({ world }) => ({ path: `/api/comments/${await freshThread(world)}/reopen` }),
    },
    'GET /api/rounds/:roundId': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}` }),
    },
    'PATCH /api/rounds/:roundId': {
      expect: roundMembers(['owner'], 200),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${await freshRound(world)}`,
        body: { title: 'Nieuwe titel' },
      }),
    },
    'GET /api/rounds/:roundId/version': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/version` }),
    },
    'GET /api/rounds/:roundId/version/state': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/version/state` }),
    },
    'GET /api/rounds/:roundId/reviewers': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/reviewers` }),
    },
    'POST /api/rounds/:roundId/teams': {
      expect: roundMembers(['owner'], 201),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${await freshRound(world)}/teams`,
        body: { teamId: world.labId },
      }),
    },
    'DELETE /api/rounds/:roundId/teams/:teamId': {
      expect: roundMembers(['owner'], 204),
      prepare: async ({ world }) => {
        const roundId = await freshRound(world);
        await inviteTeam(world.server.running.deps, world.users.owner.id, roundId, world.labId);
        return { path: `/api/rounds/${roundId}/teams/${world.labId}` };
      },
    },
    'POST /api/rounds/:roundId/links': {
      expect: roundMembers(['owner'], 201),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${await freshRound(world)}/links`,
        body: { label: 'Scholen' },
      }),
    },
    'DELETE /api/rounds/:roundId/links/:linkId': {
      expect: roundMembers(['owner'], 204),
      prepare: async ({ world }) => {
        const roundId = await freshRound(world);
        const link = await createRoundLink(world.server.running.deps, world.users.owner.id, roundId, {});
        return { path: `/api/rounds/${roundId}/links/${link.id}` };
      },
    },
    'DELETE /api/rounds/:roundId/reviewers/:userId': {
      expect: roundMembers(['owner'], 204),
      prepare: async ({ world }) => {
        const { deps } = world.server.running;
        const roundId = await freshRound(world);
        const link = await createRoundLink(deps, world.users.owner.id, roundId, {});
        const reviewer = await spareUser(world, 'Linkreviewer');
        await acceptRoundLink(deps, reviewer.id, link.token);
        return { path: `/api/rounds/${roundId}/reviewers/${reviewer.id}` };
      },
    },
    'GET /api/rounds/:roundId/comments': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/comments` }),
    },
    'POST /api/rounds/:roundId/comments': {
      expect: roundMembers(['owner', 'editor', 'commenter'], 201),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${await freshRound(world)}/comments`,
        body: { anchor: null, body: 'Reactie in ronde' },
      }),
    },
    'GET /api/rounds/:roundId/mentionable': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/mentionable` }),
    },
    'GET /api/rounds/:roundId/responses': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/responses` }),
    },
    'PUT /api/rounds/:roundId/responses': {
      // Only reviewers answer the criteria: the document's own team never does.
      expect: roundMembers([], 200),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${await freshRound(world)}/responses`,
        body: { answers: [] },
      }),
    },
    'POST /api/rounds/:roundId/close': {
      expect: roundMembers(['owner'], 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/close` }),
    },
    'PUT /api/rounds/:roundId/triage': {
      expect: roundMembers(['owner', 'editor'], 200),
      prepare: async ({ world }) => {
        const { roundId, threadId } = await closedRound(world);
        return {
          path: `/api/rounds/${roundId}/triage`,
          body: { itemKind: 'comment', itemId: threadId, decision: 'verwerkt', reason: 'Aangepast' },
        };
      },
    },
    'POST /api/rounds/:roundId/complete': {
      // A closed round without items: nothing to triage, so it can be completed at once.
      expect: roundMembers(['owner', 'editor'], 200),
      prepare: async ({ world }) => {
        const roundId = await freshRound(world);
        await closeRoundByOwner(world.server.running.deps, world.users.owner.id, roundId);
        return { path: `/api/rounds/${roundId}/complete` };
      },
    },
    'GET /api/rounds/:roundId/summary': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${(await closedRound(world)).roundId}/summary` }),
    },
    'GET /api/rounds/:roundId/summary.md': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${(await closedRound(world)).roundId}/summary.md`,
      }),
    },
    'GET /api/rounds/:roundId/summary.html': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${(await closedRound(world)).roundId}/summary.html`,
      }),
    },
    'POST /api/rounds/:roundId/carry-over': {
      expect: roundMembers(['owner', 'editor'], 200),
      prepare: async ({ world }) => ({
        path: `/api/rounds/${(await closedRound(world)).roundId}/carry-over`,
      }),
    },
    'GET /api/rounds/:roundId/events': {
      expect: roundMembers(allRoles, 200),
      prepare: async ({ world }) => ({ path: `/api/rounds/${await freshRound(world)}/events`, stream: true }),
    },
    'GET /api/round-links/:token': {
      expect: everyone(200),
      prepare: async ({ world }) => ({
        path: `/api/round-links/${(await createRoundLink(world.server.running.deps, world.users.owner.id, await freshRound(world), {})).token}`,
      }),
    },
    'POST /api/round-links/:token/accept': {
      expect: signedIn(200),
      prepare: async ({ world }) => ({
        path: `/api/round-links/${(await createRoundLink(world.server.running.deps, world.users.owner.id, await freshRound(world), {})).token}/accept`,
      }),
    },
    'GET /api/me/rounds': { expect: signedIn(200), prepare: () => ({ path: '/api/me/rounds' }) },
    'GET /api/notifications': { expect: signedIn(200), prepare: () => ({ path: '/api/notifications' }) },
    'POST /api/notifications/read': {
      expect: signedIn(200),
      prepare: () => ({ path: '/api/notifications/read', body: { all: true } }),
    },
    'GET /api/teams-directory': {
      expect: signedIn(200),
      prepare: () => ({ path: '/api/teams-directory?q=lab' }),
    },
    // Everyone signed in may search; what they find is theirs (tests/server/search/search.test.ts).
    'GET /api/search': { expect: signedIn(200), prepare: () => ({ path: '/api/search?q=lab' }) },
  };
}

const table: Record<string, RouteCase> = {
  'GET /api/health': { expect: everyone(200), prepare: () => ({ path: '/api/health' }) },
  'GET /api/ready': { expect: everyone(200), prepare: () => ({ path: '/api/ready' }) },
  // Not the session but METRICS_TOKEN decides (tests/server/metrics): this world has none, so off.
  'GET /metrics': { expect: everyone(404), prepare: () => ({ path: '/metrics' }) },
  'POST /api/auth/signup': {
    expect: everyone(201),
    prepare: () => ({
      path: '/api/auth/signup',
      body: { email: uniqueEmail('Nieuw'), password: TEST_PASSWORD, name: 'Nieuw Lid' },
    }),
  },
  'GET /api/auth/config': { expect: everyone(200), prepare: () => ({ path: '/api/auth/config' }) },
  'POST /api/auth/password-reset/:token': {
    // Public: the link's token is the proof, whoever is signed in; it resets a spare user's password.
    expect: everyone(204),
    prepare: async ({ world }) => {
      const user = await spareUser(world, 'Herstel');
      const { token } = await issuePasswordReset(world.server.running.deps, user.id);
      return { path: `/api/auth/password-reset/${token}`, body: { password: 'een nieuw wachtwoord' } };
    },
  },
  'POST /api/auth/password-reset': {
    // Public: anyone may ask; the answer is the same for every address (the mail goes to the owner).
    expect: everyone(202),
    prepare: async ({ world }) => ({
      path: '/api/auth/password-reset',
      body: { email: (await spareUser(world, 'Vergeten')).email },
    }),
  },
  'POST /api/mail/unsubscribe/:token': {
    // Public and outside the origin check (RFC 8058): the signed token is the proof.
    expect: everyone(200),
    prepare: async ({ world }) => {
      const user = await spareUser(world, 'Afmelder');
      const key = await world.server.running.deps.stores.mailPreferences.unsubscribeKey();
      return { path: `/api/mail/unsubscribe/${unsubscribeToken(key, user.id)}` };
    },
  },
  'POST /api/auth/login': {
    expect: everyone(200),
    prepare: async ({ world }) => ({
      path: '/api/auth/login',
      body: { email: (await spareUser(world, 'Inlogger')).email, password: TEST_PASSWORD },
    }),
  },
  'POST /api/auth/logout': {
    // Public: logging out without a session is harmless and just clears the cookie.
    expect: everyone(204),
    prepare: async (context) => ({ path: '/api/auth/logout', ...(await standIn(context)) }),
  },
  'POST /api/auth/password': {
    expect: signedIn(204),
    prepare: async (context) => ({
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'een nieuw wachtwoord' },
      ...(await standIn(context)),
    }),
  },
  'GET /api/me': { expect: signedIn(200), prepare: () => ({ path: '/api/me' }) },
  'PATCH /api/me': {
    expect: signedIn(200),
    prepare: ({ actor, world }) => ({
      path: '/api/me',
      body: { name: actor === 'anonymous' ? 'Niemand' : world.users[actor].name },
    }),
  },
  'GET /api/me/export': { expect: signedIn(200), prepare: () => ({ path: '/api/me/export' }) },
  'DELETE /api/me': {
    expect: signedIn(204),
    prepare: async (context) => ({
      path: '/api/me',
      body: { password: TEST_PASSWORD },
      ...(await standIn(context)),
    }),
  },
  'GET /api/teams': { expect: signedIn(200), prepare: () => ({ path: '/api/teams' }) },
  'GET /api/examples/design': { expect: signedIn(200), prepare: (context) => exampleCaller(context, false) },
  // Made first, so every caller meets 200 (their existing example), not 201.
  'POST /api/examples/design': { expect: signedIn(200), prepare: (context) => exampleCaller(context, true) },
  'DELETE /api/examples/design': {
    expect: signedIn(204),
    prepare: (context) => exampleCaller(context, true),
  },
  'POST /api/teams': {
    expect: signedIn(201),
    prepare: () => ({ path: '/api/teams', body: { name: 'Eigen team', kind: 'cocreatieteam' } }),
  },
  'GET /api/teams/:teamId': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}` }),
  },
  'GET /api/teams/:teamId/storage': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/storage` }),
  },
  'PATCH /api/teams/:teamId': {
    expect: only(['owner'], 200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}`, body: { name: 'Matrixteam' } }),
  },
  'GET /api/teams/:teamId/members': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/members` }),
  },
  'POST /api/teams/:teamId/members': {
    expect: only(['owner'], 201),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.teamId}/members`,
      body: { email: (await spareUser(world)).email, role: 'viewer' },
    }),
  },
  'PATCH /api/teams/:teamId/members/:userId': {
    expect: only(['owner'], 204),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.teamId}/members/${(await spareMember(world, 'viewer')).id}`,
      body: { role: 'commenter' },
    }),
  },
  'DELETE /api/teams/:teamId/members/:userId': {
    // Someone else: leaving yourself is allowed for every member (tests/server/routes/teams.test.ts).
    expect: only(['owner'], 204),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.teamId}/members/${(await spareMember(world, 'viewer')).id}`,
    }),
  },
  // The lab is asked to review a round of the team's document; its owner answers (the matrix's
  // roles hold the same roles in the lab).
  'GET /api/teams/:teamId/review-requests': {
    expect: only(['owner'], 200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.labId}/review-requests` }),
  },
  'POST /api/teams/:teamId/review-requests/:roundId/accept': {
    expect: only(['owner'], 204),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.labId}/review-requests/${await requestedRound(world)}/accept`,
    }),
  },
  'POST /api/teams/:teamId/review-requests/:roundId/decline': {
    expect: only(['owner'], 204),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.labId}/review-requests/${await requestedRound(world)}/decline`,
    }),
  },
  'GET /api/teams/:teamId/invites': {
    expect: only(['owner'], 200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/invites` }),
  },
  'POST /api/teams/:teamId/invites': {
    expect: only(['owner'], 201),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/invites`, body: { role: 'viewer' } }),
  },
  'DELETE /api/teams/:teamId/invites/:inviteId': {
    expect: only(['owner'], 204),
    prepare: async ({ world }) => ({
      path: `/api/teams/${world.teamId}/invites/${(await freshInvite(world)).id}`,
    }),
  },
  'GET /api/teams/:teamId/audit': {
    expect: only(['owner'], 200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/audit` }),
  },
  'GET /api/teams/:teamId/documents': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.teamId}/documents` }),
  },
  'GET /api/invites/:token': {
    // Public: someone without an account sees what they are invited to before signing up.
    expect: everyone(200),
    prepare: ({ world }) => ({ path: `/api/invites/${world.inviteToken}` }),
  },
  'POST /api/invites/:token/accept': {
    // Anyone signed in who holds the link may join; members keep their (higher) role.
    expect: signedIn(200),
    prepare: async ({ actor, world }) => ({
      path: `/api/invites/${(await freshInvite(world)).token}/accept`,
      cleanup: async () => {
        if (actor === 'outsider') {
          await world.server.running.deps.stores.teams.removeMember(world.teamId, world.users.outsider.id);
        }
      },
    }),
  },
  'GET /api/templates': { expect: signedIn(200), prepare: () => ({ path: '/api/templates?sector=vo' }) },
  'GET /api/templates/:id': {
    expect: signedIn(200),
    prepare: async ({ world }) => ({
      path: `/api/templates/${(await world.server.running.deps.stores.templateVersions.search({}))[0]!.id}`,
    }),
  },
  'GET /api/templates/:id/diff': {
    expect: signedIn(200),
    prepare: ({ world }) => ({
      path: `/api/templates/${world.exampleVersionIds[0]}/diff?against=${world.exampleVersionIds[1]}`,
    }),
  },
  'GET /api/templates/:id/upgrade': {
    expect: signedIn(200),
    prepare: ({ world }) => ({
      path: `/api/templates/${world.exampleVersionIds[0]}/upgrade?to=${world.exampleVersionIds[1]}`,
    }),
  },
  'POST /api/templates/drafts': {
    // Into the atelier; a co-creatieteam writes no ontwikkelpaden (separate test below).
    expect: only(['owner', 'editor'], 201),
    prepare: ({ world }) => ({
      path: '/api/templates/drafts',
      body: { teamId: world.teamId, title: 'Matrixpad' },
    }),
  },
  'GET /api/templates/drafts/:docId': {
    // A draft is the atelier's document: every member reads it, nobody else.
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/templates/drafts/${world.draftDocId}` }),
  },
  'GET /api/templates/drafts/:docId/publish': {
    expect: only(['owner', 'editor'], 200),
    prepare: ({ world }) => ({ path: `/api/templates/drafts/${world.draftDocId}/publish` }),
  },
  'POST /api/templates/drafts/:docId/publish': {
    expect: only(['owner', 'editor'], 201),
    prepare: async ({ world }) => ({
      path: `/api/templates/drafts/${await publishableDraft(world)}/publish`,
      body: { changeNote: 'Matrix' },
    }),
  },
  'POST /api/templates/:id/establish': {
    // Four eyes: published by the owner, so the editor is the second member; the owner may alone.
    expect: only(['owner', 'editor'], 200),
    prepare: async ({ world }) => ({
      path: `/api/templates/${
        (
          await publishTemplate(
            world.server.running.deps,
            world.users.owner.id,
            await publishableDraft(world),
            {
              changeNote: 'Matrix',
            },
          )
        ).id
      }/establish`,
    }),
  },
  'GET /api/teams/:teamId/trajects': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.labId}/trajects` }),
  },
  'POST /api/designs': {
    // Into the co-creatieteam; an atelier designs no leerarrangementen (tests/server/routes/designs.test.ts).
    expect: only(['owner', 'editor'], 201),
    prepare: ({ world }) => ({
      path: '/api/designs',
      body: { teamId: world.labId, title: 'Matrixontwerp', templateId: world.lineVersionIds[0] },
    }),
  },
  'GET /api/designs/:id': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/designs/${world.designId}` }),
  },
  'GET /api/designs/:id/checks': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/designs/${world.designId}/checks` }),
  },
  'POST /api/designs/:id/upgrade': {
    expect: only(['owner', 'editor'], 200),
    prepare: async ({ world }) => ({
      path: `/api/designs/${await oldDesign(world)}/upgrade`,
      body: { toVersionId: world.lineVersionIds[1] },
    }),
  },
  'GET /api/designs/:id/status': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/designs/${world.designId}/status` }),
  },
  'POST /api/designs/:id/status': {
    // globaal-ontwerp → prototype has no gate, so only the role decides.
    expect: only(['owner'], 200),
    prepare: async ({ world }) => ({
      path: `/api/designs/${await freshDesign(world)}/status`,
      body: { to: 'prototype' },
    }),
  },
  ...versionCases('/api/designs', (world) => ({ id: world.designId, versionId: world.designVersionId })),
  ...reviewCases(),
  'GET /api/catalog': {
    // Public: the catalog of approved designs needs no session.
    expect: everyone(200),
    prepare: () => ({ path: '/api/catalog' }),
  },
  'GET /api/catalog/:id': {
    expect: everyone(200),
    prepare: ({ world }) => ({ path: `/api/catalog/${world.approvedDesignId}` }),
  },
  'POST /api/catalog/:id/reuse': {
    // Reusing creates a design in the caller's co-creatieteam: document.create there.
    expect: only(['owner', 'editor'], 201),
    prepare: ({ world }) => ({
      path: `/api/catalog/${world.approvedDesignId}/reuse`,
      body: { teamId: world.labId },
    }),
  },
  'POST /api/trajects': {
    expect: only(['owner', 'editor'], 201),
    prepare: ({ world }) => ({
      path: '/api/trajects',
      body: { teamId: world.labId, title: 'Matrixtraject', templateVersionId: world.lineVersionIds[0] },
    }),
  },
  'GET /api/trajects/:id': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/trajects/${world.trajectId}` }),
  },
  'PUT /api/trajects/:id/items': {
    expect: only(['owner', 'editor'], 200),
    prepare: ({ world }) => ({
      path: `/api/trajects/${world.trajectId}/items`,
      body: { items: [{ designId: world.designId }] },
    }),
  },
  'PUT /api/trajects/:id/agreements/:designId': {
    // Recording the agreement with another provider is the owner's, like moving the traject.
    expect: only(['owner'], 200),
    prepare: async ({ world }) => {
      foreign ??= await trajectWithForeignItem(
        world.server,
        world.users.owner,
        world.labId,
        world.lineVersionIds[0],
      );
      return {
        path: `/api/trajects/${foreign.trajectId}/agreements/${foreign.designId}`,
        body: { confirmed: true },
      };
    },
  },
  'GET /api/trajects/:id/matrix.csv': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/trajects/${world.trajectId}/matrix.csv` }),
  },
  'GET /api/designs/:id/certificate': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/designs/${world.designId}/certificate?format=html` }),
  },
  'GET /api/trajects/:id/certificate': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/trajects/${world.trajectId}/certificate` }),
  },
  'GET /api/teams/:teamId/evc-procedure': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/teams/${world.labId}/evc-procedure` }),
  },
  'PUT /api/teams/:teamId/evc-procedure': {
    // The team's shared text, written by those who write its designs.
    expect: only(['owner', 'editor'], 200),
    prepare: ({ world }) => ({
      path: `/api/teams/${world.labId}/evc-procedure`,
      body: { recognition: 'Portfoliogesprek', coverage: '', followUp: '' },
    }),
  },
  'GET /api/trajects/:id/status': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/trajects/${world.trajectId}/status` }),
  },
  'POST /api/trajects/:id/status': {
    // globaal-ontwerp → prototype has no gate, so only the role decides (a fresh traject per case).
    expect: only(['owner'], 200),
    prepare: async ({ world }) => ({
      path: `/api/trajects/${
        (
          await createTraject(world.server.running.deps, world.users.owner.id, {
            teamId: world.labId,
            title: 'Matrixstatus',
            templateVersionId: world.lineVersionIds[0],
          })
        ).id
      }/status`,
      body: { to: 'prototype' },
    }),
  },
  'GET /api/trajects/:id/versions': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/trajects/${world.trajectId}/versions` }),
  },
  'GET /api/catalog/trajects/:id': {
    // Public. The approved traject's frozen copy is written straight through the store (approval
    // through the API needs full coverage and feedback rounds; tests/server/routes cover that path).
    expect: everyone(200),
    prepare: async ({ world }) => {
      const { deps } = world.server.running;
      const id = (
        await createTraject(deps, world.users.owner.id, {
          teamId: world.labId,
          title: 'Matrixcatalogustraject',
          templateVersionId: world.lineVersionIds[0],
        })
      ).id;
      await deps.database.db
        .updateTable('trajects')
        .set({ status: 'goedgekeurd' })
        .where('id', '=', id)
        .execute();
      await deps.stores.trajectLifecycle.publish(
        id,
        { ...(await trajectSnapshot(deps, id)), teamId: world.labId, teamName: 'Matrixlab' },
        world.users.owner.id,
      );
      return { path: `/api/catalog/trajects/${id}` };
    },
  },
  'GET /api/documents': { expect: signedIn(200), prepare: () => ({ path: '/api/documents' }) },
  'POST /api/documents': {
    expect: only(['owner', 'editor'], 201),
    prepare: ({ world }) => ({ path: '/api/documents', body: { teamId: world.teamId, title: 'Nieuw' } }),
  },
  'GET /api/documents/:id': {
    expect: members(200),
    prepare: ({ world }) => ({ path: `/api/documents/${world.docId}` }),
  },
  ...versionCases('/api/documents', (world) => ({ id: world.docId, versionId: world.docVersionId })),
  'GET /collab/:docId': {
    // Sent as a WebSocket upgrade (101 = accepted); commenters and viewers get read-only sockets.
    expect: only(ROLES, UPGRADED),
    prepare: ({ world }) => ({ path: `/collab/${world.docId}` }),
  },
  ...roundCases(),
};

/**
 * The externe toetsing. The actors' team is an atelier and none of them is in the toetsingscommissie:
 * members pass the team check and meet 404 (no committee), the committee's pages are 403 for all.
 */
function reviewCases(): Record<string, RouteCase> {
  return {
    'GET /api/reviews/committees': {
      expect: signedIn(200),
      prepare: () => ({ path: '/api/reviews/committees' }),
    },
    'GET /api/reviews/teams/:teamId/queue': {
      expect: members(404),
      prepare: ({ world }) => ({ path: `/api/reviews/teams/${world.teamId}/queue` }),
    },
    'GET /api/reviews/teams/:teamId/frame': {
      expect: members(404),
      prepare: ({ world }) => ({ path: `/api/reviews/teams/${world.teamId}/frame` }),
    },
    'PUT /api/reviews/teams/:teamId/frame': {
      expect: only(['owner'], 404),
      prepare: ({ world }) => ({
        path: `/api/reviews/teams/${world.teamId}/frame`,
        body: { criteria: [{ title: 'Doel' }] },
      }),
    },
    'GET /api/reviews/design/:docId': {
      expect: members(200),
      prepare: ({ world }) => ({ path: `/api/reviews/design/${world.approvedDesignId}` }),
    },
    'PUT /api/reviews/design/:docId/:assignmentId/:criterionId': {
      // document.edit passes on the live design; its submission is another design's: 404.
      expect: only(['owner', 'editor'], 404),
      prepare: ({ world }) => ({
        path: `/api/reviews/design/${world.designId}/${world.assignmentId}/bewijs`,
        body: { addressed: true },
      }),
    },
    'GET /api/reviews/:assignmentId': {
      expect: signedIn(403),
      prepare: ({ world }) => ({ path: `/api/reviews/${world.assignmentId}` }),
    },
    'PUT /api/reviews/:assignmentId/judgements': {
      expect: signedIn(403),
      prepare: ({ world }) => ({
        path: `/api/reviews/${world.assignmentId}/judgements`,
        body: { judgements: [{ criterionId: 'bewijs', verdict: 'voldoet' }] },
      }),
    },
  };
}

let world: World;
/** A traject of the lab with another team's approved design (made on first use). */
let foreign: { trajectId: string; designId: string } | undefined;

beforeAll(async () => {
  const server = await startTestServer();
  const owner: TestOwner = await server.owner();
  const [editor, commenter, viewer, outsider, passwordHash] = await Promise.all([
    server.signUp('Eva Bewerker'),
    server.signUp('Cor Commentator'),
    server.signUp('Vera Lezer'),
    server.signUp('Bo Buitenstaander'),
    hashPassword(TEST_PASSWORD),
  ]);
  await server.addMember(owner, owner.teamId, editor, 'editor');
  await server.addMember(owner, owner.teamId, commenter, 'commenter');
  await server.addMember(owner, owner.teamId, viewer, 'viewer');
  const docId = await server.createDocument({ title: 'Matrixdocument' });
  const draftDocId = (await createTemplateDraft(server.running.deps, owner.id, { teamId: owner.teamId })).id;
  const examples = await server.running.deps.stores.templateVersions.search({});
  expect(examples).toHaveLength(2);
  const invite = await server.request('POST', `/api/teams/${owner.teamId}/invites`, {
    cookie: owner.cookie,
    body: { role: 'editor' },
  });
  expect(invite.status).toBe(201);
  const { token } = (await invite.json()) as { token: string };
  const labId = await server.createTeam(owner, { name: 'Matrixlab', kind: 'cocreatieteam' });
  await server.addMember(owner, labId, editor, 'editor');
  await server.addMember(owner, labId, commenter, 'commenter');
  await server.addMember(owner, labId, viewer, 'viewer');
  // A line of the atelier with 1.0 and a newer version, so a design on 1.0 has something to upgrade to.
  const { deps } = server.running;
  const lineDraft = (
    await createTemplateDraft(deps, owner.id, {
      teamId: owner.teamId,
      fromVersionId: examples[0]!.id,
    })
  ).id;
  const first = await publishTemplate(deps, owner.id, lineDraft, { changeNote: 'Eerste' });
  await editDraft(server.wsUrl, lineDraft, owner, (doc) => setDraftMeta(doc, { title: 'Matrixpad herzien' }));
  const second = await publishTemplate(deps, owner.id, lineDraft, { changeNote: 'Herzien' });
  const designId = (
    await createDesign(deps, owner.id, {
      teamId: labId,
      title: 'Matrixontwerp',
      templateId: first.id,
    })
  ).id;
  const trajectResponse = await server.request('POST', '/api/trajects', {
    cookie: owner.cookie,
    body: { teamId: labId, title: 'Matrixtraject', templateVersionId: first.id },
  });
  expect(trajectResponse.status).toBe(201);
  const { id: trajectId } = (await trajectResponse.json()) as { id: string };
  const docVersionId = (await saveVersion(deps, owner.id, docId, { label: 'Matrixversie' })).id;
  const designVersionId = (await saveVersion(deps, owner.id, designId, { label: 'Matrixversie' })).id;
  // Approved the way tests/server/routes/catalog.test.ts does it: straight to external review in the
  // database (the API cannot pass R13 here), then approved by a toetsingscommissie's reviewer,
  // which publishes it to the catalog.
  const approvedDesignId = (
    await createDesign(deps, owner.id, {
      teamId: labId,
      title: 'Matrixcatalogus',
      templateId: first.id,
    })
  ).id;
  await approveThroughCommittee(server, owner, approvedDesignId);
  const assignmentId = (await deps.stores.reviews.forDesign(approvedDesignId))[0]!.id;
  world = {
    server,
    teamId: owner.teamId,
    docId,
    draftDocId,
    exampleVersionIds: [examples[0]!.id, examples[1]!.id],
    inviteToken: token,
    users: { owner, editor, commenter, viewer, outsider },
    passwordHash,
    labId,
    lineVersionIds: [first.id, second.id],
    designId,
    trajectId,
    docVersionId,
    designVersionId,
    approvedDesignId,
    assignmentId,
  };
});

afterAll(async () => {
  await world?.server.close();
});

/** Opens a WebSocket and reports 101 when it opens, or the HTTP status of the refusal. */
function upgradeStatus(url: string, cookie: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    socket.once('open', () => {
      socket.terminate();
      resolve(UPGRADED);
    });
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate();
      resolve(response.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

/** "METHOD path" of every route the app registers, without middleware and catch-alls. */
function appRoutes(): string[] {
  const { app } = createApp(world.server.running.deps);
  const keys = app.routes
    .filter((route) => route.method !== 'ALL' && !route.path.endsWith('*'))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(keys)].sort();
}

describe('authorization matrix', () => {
  it('has an entry for every route the app registers, and none for routes it does not', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(
      routes.filter((key) => !(key in table)),
      'routes without an expectation',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((key) => !routes.includes(key)),
      'expectations for routes that do not exist',
    ).toEqual([]);
  });

  it('the world has a co-creatieteam and a design pinned to an older version of a line', async () => {
    const { stores } = world.server.running.deps;
    expect((await stores.teams.get(world.labId))?.kind).toBe('cocreatieteam');
    expect((await stores.designs.getDesign(world.designId))?.templateVersionId).toBe(world.lineVersionIds[0]);
    const line = (await stores.templateVersions.get(world.lineVersionIds[0]))!.templateKey;
    expect((await stores.templateVersions.get(world.lineVersionIds[1]))!.templateKey).toBe(line);
  });

  it('the world team is an atelier (it may write ontwikkelpaden)', async () => {
    expect((await world.server.running.deps.stores.teams.get(world.teamId))?.kind).toBe('atelier');
  });

  it.each(['owner', 'editor'] as const)(
    'POST /api/templates/drafts into a co-creatieteam is 403, even for its %s',
    async (role) => {
      const { owner, editor } = world.users;
      const teamId = await world.server.createTeam(owner, { name: 'Matrixlab', kind: 'cocreatieteam' });
      if (role === 'editor') await world.server.addMember(owner, teamId, editor, 'editor');
      const response = await world.server.request('POST', '/api/templates/drafts', {
        cookie: world.users[role].cookie,
        body: { teamId },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    },
  );

  describe.each(Object.keys(table))('%s', (key) => {
    const [method, route] = key.split(' ') as [string, string];
    const routeCase = table[key]!;

    it.each(ACTORS)('as %s', async (actor) => {
      const cookie = actor === 'anonymous' ? undefined : world.users[actor].cookie;
      const prepared = await routeCase.prepare({ actor, world, cookie });
      const sentCookie = 'cookie' in prepared ? prepared.cookie : cookie;
      const expected = routeCase.expect[actor];
      try {
        if (route.startsWith('/collab/')) {
          const wsUrl = `${world.server.url.replace(/^http/, 'ws')}${prepared.path}`;
          expect(await upgradeStatus(wsUrl, sentCookie)).toBe(expected);
          return;
        }
        const response = await world.server.request(method, prepared.path, {
          cookie: sentCookie,
          body: prepared.body,
        });
        if (prepared.stream && response.status === expected && expected === 200) {
          await response.body?.cancel();
          return;
        }
        const text = await response.text();
        expect(response.status, `${key} as ${actor}: ${text}`).toBe(expected);
        // A refusal is for the right reason: not the Origin check, not a missing resource.
        if (expected === 401) expect(JSON.parse(text)).toMatchObject({ error: { code: 'unauthenticated' } });
        if (expected === 403) expect(JSON.parse(text)).toMatchObject({ error: { code: 'forbidden' } });
      } finally {
        prepared.cleanup?.();
      }
    });
  });
});
