import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../server/db/migrate';

/**
 * Migration 018: every ontwikkelpad version published before it counts as vastgesteld (they were the
 * platform's working versions), by nobody in particular and as of its publication.
 */
describe('migration 018 (vastgestelde ontwikkelpaden)', () => {
  it('sets the versions published before it vastgesteld; later ones start as concept', () => {
    const db = new Database(':memory:');
    const all = readMigrations();
    migrate(
      db,
      all.filter((migration) => migration.version < 18),
    );
    db.prepare(`INSERT INTO teams (id, name, kind, created_at) VALUES ('t', 'Atelier', 'atelier', 1)`).run();
    const insertVersion = db.prepare(
      `INSERT INTO template_versions (id, template_key, team_id, major, minor, title, kind, sectors, content,
        change_note, example, published_at)
       VALUES (?, 'k', 't', ?, 0, 'Pad', 'start-vakbekwaam', 'po', '{}', 'n', 0, ?)`,
    );
    insertVersion.run('v1', 1, 1_000);
    migrate(db, all);
    insertVersion.run('v2', 2, 2_000);
    expect(db.prepare('SELECT * FROM template_establishments ORDER BY version_id').all()).toEqual([
      { version_id: 'v1', established_by: null, established_at: 1_000 },
    ]);
    db.close();
  });
});
