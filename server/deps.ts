import type { Db } from './db/connection';
import type { Env } from './env';
import type { DocStorage } from './stores/docStorage';
import type { DocumentStore } from './stores/documents';
import type { RoomRegistry } from './collab/rooms';

/** What routes and the sync server need, created once at boot. */
export interface AppDeps {
  env: Env;
  db: Db;
  stores: { documents: DocumentStore; docStorage: DocStorage };
  rooms: RoomRegistry;
}
