import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../server/db/connection';
import { openSqlite, type Database as AppDatabase } from '../../../server/db/database';
import { setLogLevel } from '../../../server/log';
import { createTeamStore } from '../../../server/stores/teams';
import { makeDataDir, removeDataDir } from '../../support/server';

let dataDir: string;
let database: AppDatabase;
let other: Database.Database;

beforeEach(() => {
  setLogLevel('silent');
  dataDir = makeDataDir();
  database = openSqlite(dataDir);
  // What the commit worker thread is: a second connection to the same file.
  other = new Database(path.join(dataDir, DATABASE_FILE));
  other.pragma('busy_timeout = 0');
});

afterEach(async () => {
  other.close();
  await database.close();
  removeDataDir(dataDir);
});

it('a transaction that reads first holds the write lock from its start, so its later write cannot fail', async () => {
  await createTeamStore(database.db).insert({ id: 't1', name: 'Eerste', kind: 'atelier' });
  await database.transaction(async (trx) => {
    const teams = createTeamStore(trx);
    expect(await teams.get('t1')).toBeDefined();
    // Another connection committing now would make a deferred transaction's write fail with
    // SQLITE_BUSY_SNAPSHOT; an immediate one keeps it out until COMMIT.
    expect(() => other.prepare("UPDATE teams SET name = 'Ander' WHERE id = 't1'").run()).toThrow(
      /busy|locked/i,
    );
    await teams.insert({ id: 't2', name: 'Tweede', kind: 'atelier' });
  });
  expect((await createTeamStore(database.db).get('t2'))?.name).toBe('Tweede');
});
