import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AccessChangeEvents } from '../../../client/collab/AccessChangeEvents';
import {
  ACCESS_CHANGES_PARAM,
  encodeAccessChangedFrame,
  isAccessChangedFrame,
} from '../../../shared/collab/accessChanged';
import { DURABLE_PARAM, MessageType } from '../../../shared/collab/messages';
import type { Role } from '../../../shared/domain/roles';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';
import { connectSynced, CountingWebSocket, roundTrip, waitFor, type TestClient } from '../../support/yclient';

const ACCESS_CHANGED_CLOSE = 4500;

let server: TestServer;
let owner: TestOwner;
let otherTeamId: string;
const cleanup: Array<() => void> = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  otherTeamId = await server.createTeam(owner, { name: 'Ander team' });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const destroy of cleanup.splice(0)) destroy();
  vi.restoreAllMocks();
});

/** A member of the default team (and of the other team, as a viewer). */
async function member(name: string, role: Role): Promise<TestUser> {
  const user = await server.signUp(name);
  await server.addMember(owner, owner.teamId, user, role);
  await server.addMember(owner, otherTeamId, user, 'viewer');
  return user;
}

async function setRole(user: TestUser, role: Role, teamId = owner.teamId): Promise<void> {
  const response = await server.request('PATCH', `/api/teams/${teamId}/members/${user.id}`, {
    cookie: owner.cookie,
    body: { role },
  });
  expect(response.status).toBe(204);
}

/** A provider set up as the browser client sets it up: it asks for access-changed messages. */
interface AskingClient {
  sockets: CountingWebSocket[];
  readonly socket: CountingWebSocket;
  /** How many access-changed messages the client's listeners were told of. */
  readonly notices: number;
}

async function connectAsking(docId: string, user: TestUser): Promise<AskingClient> {
  const sockets: CountingWebSocket[] = [];
  class CookieSocket extends CountingWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: user.cookie } });
      sockets.push(this);
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, docId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
    params: { [DURABLE_PARAM]: '1', [ACCESS_CHANGES_PARAM]: '1' },
  });
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder) => void decoding.readVarUint(decoder);
  const events = new AccessChangeEvents(provider);
  let notices = 0;
  events.subscribe(() => notices++);
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  provider.connect();
  cleanup.push(() => {
    events.destroy();
    provider.destroy();
    doc.destroy();
  });
  await synced;
  return {
    sockets,
    get socket() {
      return sockets.at(-1)!;
    },
    get notices() {
      return notices;
    },
  };
}

async function connectPlain(docId: string, user: TestUser): Promise<TestClient> {
  const client = await connectSynced(server.wsUrl, docId, { cookie: user.cookie, durable: true });
  cleanup.push(() => client.destroy());
  return client;
}

const ACCESS_CHANGED = MessageType.accessChanged;

describe('the access-changed message ([5])', () => {
  it('reaches a client that asked for it at once when its role changes and its socket stays', async () => {
    const cor = await member('Cor Commentator', 'commenter');
    const docId = await server.createDocument();
    const asking = await connectAsking(docId, cor);
    const plain = await connectPlain(docId, cor);
    const errors = vi.spyOn(console, 'error');

    await setRole(cor, 'viewer');
    await waitFor(() => asking.notices === 1, 'the asking client was not told of the role change');
    expect(asking.socket.receivedTypes.filter((type) => type === ACCESS_CHANGED)).toHaveLength(1);
    // Read-only before and after: the same socket goes on.
    expect(asking.sockets).toHaveLength(1);
    expect(asking.socket.closeCode).toBeNull();

    // A plain y-websocket client never gets a type it has no handler for (it would log
    // "Unable to compute message"); its socket goes on too.
    await roundTrip(plain.socket);
    expect(plain.socket.receivedTypes).not.toContain(ACCESS_CHANGED);
    expect(plain.socket.closeCode).toBeNull();
    expect(errors).not.toHaveBeenCalled();

    await setRole(cor, 'commenter');
    await waitFor(() => asking.notices === 2, 'the asking client was not told of the second change');
  });

  it('is not sent for a membership change in another team', async () => {
    const vera = await member('Vera Lezer', 'viewer');
    const docId = await server.createDocument();
    const asking = await connectAsking(docId, vera);

    await setRole(vera, 'commenter', otherTeamId);
    await roundTrip(asking.socket);
    expect(asking.notices).toBe(0);
    // The same change in the document's own team is told (so the silence above means something).
    await setRole(vera, 'commenter');
    await waitFor(() => asking.notices === 1, 'the change in the document’s team was not told');
  });

  it('is not sent when write access changes: the 4500 close is the notice', async () => {
    const eva = await member('Eva Bewerker', 'editor');
    const docId = await server.createDocument();
    const asking = await connectAsking(docId, eva);
    const first = asking.socket;

    await setRole(eva, 'viewer');
    await waitFor(() => first.closeCode !== null, 'the editor’s socket stayed open after the downgrade');
    expect(first.closeCode).toBe(ACCESS_CHANGED_CLOSE);
    expect(first.receivedTypes).not.toContain(ACCESS_CHANGED);
    expect(asking.notices).toBe(0);
  });

  it('is one byte, recognised by the shared decoder', () => {
    expect(encodeAccessChangedFrame()).toEqual(Uint8Array.of(ACCESS_CHANGED));
    expect(isAccessChangedFrame(encodeAccessChangedFrame())).toBe(true);
    expect(isAccessChangedFrame(Uint8Array.of(MessageType.durable, 1))).toBe(false);
    expect(isAccessChangedFrame(new Uint8Array())).toBe(false);
  });
});
