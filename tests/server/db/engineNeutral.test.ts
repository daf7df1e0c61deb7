import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/server';

/**
 * The server tests run on SQLite and on PostgreSQL (vitest project `postgres`). A test that reaches
 * past Kysely to SQLite itself would fail there, so such a test either says it is SQLite-only (it
 * calls sqliteOnly from tests/support/testEngine.ts) or is listed here with the reason. Only direct
 * uses are found: a helper module that opens the SQLite file is not followed.
 */

/** Raw better-sqlite3: the server's own connection, a second connection to the file, pragmas. */
const RAW_SQLITE =
  /\.sqlite!|\.sqlite\??\.|better-sqlite3|openReadOnly\(|databasePath\(|openDatabase\(|openSqlite\(|sqliteDatabase\(|\.pragma\(/;

const ALLOWED: Record<string, string> = {
  'db/schemaParity.test.ts': 'compares the SQLite schema with PostgreSQL’s; not in the postgres project',
  'db/schemaRules.test.ts': 'checks the rules on both schemas itself; not in the postgres project',
  'db/schemaTypes.test.ts': 'checks schema.ts against the SQLite schema; not in the postgres project',
  'cli/migrateToPostgres.test.ts': 'moves a SQLite database into PostgreSQL; not in the postgres project',
  'cli/bundle.test.ts': 'checks that the bundle keeps better-sqlite3 external; not in the postgres project',
  'db/immediateTransactions.test.ts':
    'about SQLite transactions and a second connection; not in the postgres project',
  'collab/docStorage.test.ts': 'runs on both engines itself (collabEngines); not in the postgres project',
  'collab/logSeqMigration.test.ts': 'migrates an old SQLite file; not in the postgres project',
  'db/migration016.test.ts': 'migrates rows on both engines itself; not in the postgres project',
  'db/migrationFrames.test.ts': 'migrates an old SQLite file; not in the postgres project',
  // Until the document log lives in PostgreSQL too (its owner rewrites these).
  'collab/adaptiveCommitter.test.ts': 'about the SQLite commit thread',
  'collab/splitCommitter.test.ts': 'about the SQLite commit thread (its own SQLite file)',
  'collab/durableAck.test.ts': 'reads the SQLite document log',
  'collab/loadDoc.test.ts': 'writes the SQLite document log',
  'collab/rooms.test.ts': 'reads the SQLite document log',
};

const SERVER_TESTS = path.join(REPO_ROOT, 'tests/server');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('server tests reach the database through Kysely', () => {
  it('every direct use of raw SQLite is in a test that says it is SQLite-only, or listed with a reason', () => {
    const unexplained = testFiles(SERVER_TESTS)
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return RAW_SQLITE.test(text) && !text.includes('sqliteOnly(');
      })
      .map((file) => path.relative(SERVER_TESTS, file).split(path.sep).join('/'))
      .filter((file) => !(file in ALLOWED) && file !== 'db/engineNeutral.test.ts');
    expect(unexplained).toEqual([]);
  });
});
