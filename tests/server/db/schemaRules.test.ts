import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection';
import { migratePostgres } from '../../../server/db/migrate';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';

/** The same statements (with `?` placeholders) against either engine. */
interface Engine {
  name: 'sqlite' | 'postgres';
  run(sql: string, ...params: unknown[]): Promise<void>;
  all(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
}

function sqliteEngine(db: Db): Engine {
  return {
    name: 'sqlite',
    run: async (sql, ...params) => void db.prepare(sql).run(...params),
    all: async (sql, ...params) => db.prepare(sql).all(...params) as Record<string, unknown>[],
  };
}

function postgresEngine(pool: pg.Pool): Engine {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replaceAll('?', () => `$${++n}`);
  };
  return {
    name: 'postgres',
    run: async (sql, ...params) => void (await pool.query(numbered(sql), params)),
    all: async (sql, ...params) => (await pool.query(numbered(sql), params)).rows,
  };
}

const bytes = Buffer.from([1, 2, 3]);

/** A team, a user, a published template version and a document with one version, all named `key`. */
async function fixtures(engine: Engine, key: string): Promise<void> {
  await engine.run(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    key,
    `${key}@example.nl`,
    key,
    'hash',
    1,
  );
  await engine.run("INSERT INTO teams (id, name, kind, created_at) VALUES (?, ?, 'atelier', 1)", key, key);
  await engine.run(
    `INSERT INTO template_versions (id, template_key, team_id, major, minor, title, kind, sectors, content,
       change_note, published_at) VALUES (?, ?, ?, 1, 0, 't', 'start-vakbekwaam', 'po', '{}', '', 1)`,
    key,
    key,
    key,
  );
  await engine.run(
    'INSERT INTO documents (id, title, created_at, updated_at, team_id, created_by) VALUES (?, ?, 1, 1, ?, ?)',
    key,
    key,
    key,
    key,
  );
  await engine.run(
    `INSERT INTO document_versions (id, doc_id, label, author_id, created_at, state, json)
     VALUES (?, ?, 'v1', ?, 1, ?, '{}')`,
    key,
    key,
    key,
    bytes,
  );
}

describe('schema rules on both engines', () => {
  let cluster: PostgresCluster;
  let pool: pg.Pool;
  let dataDir: string;
  let db: Db;
  const engines: Engine[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    await migratePostgres(pool);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-rules-'));
    db = openDatabase(dataDir);
    engines.push(sqliteEngine(db), postgresEngine(pool));
  });
  afterAll(async () => {
    db?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await pool?.end();
    await cluster?.stop();
  });

  const eachEngine = (title: string, test: (engine: Engine) => Promise<void>) =>
    it.each(['sqlite', 'postgres'] as const)(`${title} (%s)`, (name) =>
      test(engines.find((engine) => engine.name === name)!),
    );

  eachEngine('keeps e-mail addresses unique regardless of case', async (engine) => {
    await fixtures(engine, 'mail');
    await expect(
      engine.run(
        "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('mail2', 'MAIL@Example.NL', 'm', 'h', 1)",
      ),
    ).rejects.toThrow(/unique/i);
    const lookup =
      engine.name === 'sqlite'
        ? 'SELECT id FROM users WHERE email = ?'
        : 'SELECT id FROM users WHERE lower(email) = lower(?)';
    expect(await engine.all(lookup, 'Mail@EXAMPLE.nl')).toEqual([{ id: 'mail' }]);
  });

  eachEngine('refuses any change to a published template version', async (engine) => {
    await fixtures(engine, 'tpl');
    await expect(engine.run("UPDATE template_versions SET title = 'x' WHERE id = 'tpl'")).rejects.toThrow(
      'published template versions are immutable',
    );
  });

  eachEngine(
    'lets a published template version gain its rich text once, and nothing else',
    async (engine) => {
      await fixtures(engine, 'rich');
      const refused = 'published template versions are immutable';
      const plain = '{"title":"t","description":"d"}';
      // The fixture's content is '{}': set a realistic one the way only a new row could have it.
      await engine.run("DELETE FROM template_versions WHERE id = 'rich'");
      await engine.run(
        `INSERT INTO template_versions (id, template_key, team_id, major, minor, title, kind, sectors, content,
         change_note, published_at) VALUES ('rich', 'rich', 'rich', 1, 0, 't', 'start-vakbekwaam', 'po', ?, '', 1)`,
        plain,
      );
      const set = (content: string, extra = '') =>
        engine.run(`UPDATE template_versions SET content = ?${extra} WHERE id = 'rich'`, content);
      await expect(set('{"title":"x","description":"d","rich":null}')).rejects.toThrow(refused);
      await expect(set('{"title":"t","description":"d","rich":"tekst"}')).rejects.toThrow(refused);
      await expect(set('{"title":"t","description":"d","rich":null}', ", title = 'x'")).rejects.toThrow(
        refused,
      );
      await set('{"title":"t","description":"d","rich":{"description":{"type":"doc"}}}');
      await expect(set('{"title":"t","description":"d","rich":null}')).rejects.toThrow(refused);
      await expect(set(plain)).rejects.toThrow(refused);
      expect(await engine.all("SELECT content FROM template_versions WHERE id = 'rich'")).toEqual([
        { content: '{"title":"t","description":"d","rich":{"description":{"type":"doc"}}}' },
      ]);
    },
  );

  eachEngine(
    'keeps document versions immutable, except anonymising the author and deleting the document',
    async (engine) => {
      await fixtures(engine, 'ver');
      await expect(engine.run("UPDATE document_versions SET label = 'x' WHERE id = 'ver'")).rejects.toThrow(
        'document_versions are immutable',
      );
      await expect(engine.run("DELETE FROM document_versions WHERE id = 'ver'")).rejects.toThrow(
        'document_versions are immutable',
      );
      await engine.run("UPDATE document_versions SET author_id = NULL WHERE id = 'ver'");
      await engine.run("DELETE FROM documents WHERE id = 'ver'");
      expect(await engine.all("SELECT id FROM document_versions WHERE doc_id = 'ver'")).toEqual([]);
    },
  );

  eachEngine(
    'keeps traject versions immutable, except anonymising the author and deleting the traject',
    async (engine) => {
      await fixtures(engine, 'trv');
      await engine.run(
        "INSERT INTO trajects (id, team_id, template_version_id, title, created_at, updated_at) VALUES ('trv', 'trv', 'trv', 't', 1, 1)",
      );
      await engine.run(
        "INSERT INTO traject_versions (id, traject_id, label, author_id, created_at, status, json) VALUES ('trv', 'trv', 'v', 'trv', 1, 'prototype', '{}')",
      );
      await expect(engine.run("UPDATE traject_versions SET json = '[]' WHERE id = 'trv'")).rejects.toThrow(
        'traject_versions are immutable',
      );
      await expect(engine.run("DELETE FROM traject_versions WHERE id = 'trv'")).rejects.toThrow(
        'traject_versions are immutable',
      );
      await engine.run("UPDATE traject_versions SET author_id = NULL WHERE id = 'trv'");
      await engine.run("DELETE FROM trajects WHERE id = 'trv'");
      expect(await engine.all("SELECT id FROM traject_versions WHERE traject_id = 'trv'")).toEqual([]);
    },
  );

  eachEngine('checks scores, statuses and publication items', async (engine) => {
    await fixtures(engine, 'chk');
    await engine.run(
      "INSERT INTO feedback_rounds (id, doc_id, version_id, title, deadline, criteria, created_at) VALUES ('chk', 'chk', 'chk', 'r', 2, '[]', 1)",
    );
    const respond = (score: number) =>
      engine.run(
        "INSERT INTO round_responses (id, round_id, criterion_id, score, updated_at) VALUES (?, 'chk', ?, ?, 1)",
        `chk${score}`,
        `c${score}`,
        score,
      );
    await respond(4);
    await expect(respond(5)).rejects.toThrow(/check/i);
    await expect(
      engine.run("UPDATE feedback_rounds SET status = 'gesloten' WHERE id = 'chk'"),
    ).rejects.toThrow(/check/i);
    for (const doc of ['chk', 'chk-other']) {
      await engine.run(
        "INSERT INTO documents (id, title, created_at, updated_at, team_id) VALUES (?, 'd', 1, 1, 'chk') ON CONFLICT DO NOTHING",
        doc,
      );
      await engine.run("INSERT INTO designs (doc_id, template_version_id) VALUES (?, 'chk')", doc);
      await engine.run(
        "INSERT INTO design_publications (doc_id, projection, state, approved_at) VALUES (?, '{}', ?, 1)",
        doc,
        bytes,
      );
    }
    await engine.run(
      "INSERT INTO trajects (id, team_id, template_version_id, title, created_at, updated_at) VALUES ('chk', 'chk', 'chk', 't', 1, 1)",
    );
    // A publication of another design than the item's own.
    await expect(
      engine.run(
        "INSERT INTO traject_items (traject_id, design_doc_id, position, publication_id) VALUES ('chk', 'chk', 0, 'chk-other')",
      ),
    ).rejects.toThrow(/check/i);
    await engine.run(
      "INSERT INTO traject_items (traject_id, design_doc_id, position, publication_id) VALUES ('chk', 'chk', 0, 'chk')",
    );
    // Withdrawing the publication removes the item that included it.
    await engine.run("DELETE FROM design_publications WHERE doc_id = 'chk'");
    expect(await engine.all("SELECT position FROM traject_items WHERE traject_id = 'chk'")).toEqual([]);
  });

  eachEngine('orders rows of one millisecond in insertion order (rowid or seq)', async (engine) => {
    await fixtures(engine, 'ord');
    const ids = ['c', 'a', 'd', 'b'];
    for (const id of ids) {
      await engine.run(
        "INSERT INTO comments (id, thread_id, doc_id, body, created_at) VALUES (?, ?, 'ord', 'x', 5)",
        `ord-${id}`,
        `ord-${id}`,
      );
    }
    const order = engine.name === 'sqlite' ? 'rowid' : 'seq';
    const rows = await engine.all(
      `SELECT id FROM comments WHERE doc_id = 'ord' ORDER BY created_at, ${order}`,
    );
    expect(rows.map((row) => row.id)).toEqual(ids.map((id) => `ord-${id}`));
  });
});
