import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection';
import { migratePostgres } from '../../../server/db/migrate';
import { INSERTION_ORDERED_TABLES } from '../../../server/db/schema';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';
import { postgresShape, sqliteShape, type SchemaShape, type TableShape } from './schemaShape';

/** Indexes only the PostgreSQL twins have: foreign keys that would otherwise be checked by a scan. */
const POSTGRES_ONLY_INDEXES = [
  'template_versions.template_versions_by_team',
  'template_versions.template_versions_by_draft',
  'traject_items.traject_items_by_design',
  'traject_items.traject_items_by_publication',
  'designs.designs_by_based_on',
  'feedback_rounds.feedback_rounds_by_version',
  'round_reviewers.round_reviewers_by_link',
  'comments.comments_by_round',
  'round_triage.round_triage_by_version',
  'notifications.notifications_by_doc',
  // Full-text search: SQLite's is the FTS5 table search_fts (a virtual table, not compared).
  'search_entries.search_entries_tsv',
  'review_assignments.review_assignments_by_version',
];

/** Columns only PostgreSQL has: the generated tsvector its full-text index is built on. */
const POSTGRES_ONLY_COLUMNS: Record<string, string[]> = { search_entries: ['tsv'] };

/** Triggers only SQLite has: they keep the FTS5 index in step with its content table. */
const SQLITE_ONLY_TRIGGERS: Record<string, string[]> = {
  search_entries: ['search_entries_ad', 'search_entries_ai', 'search_entries_au'],
};

/** INTEGER columns that hold small numbers and are `integer` on PostgreSQL; every other is `bigint`. */
const POSTGRES_INT4_COLUMNS = [
  'schema_migrations.version',
  'template_versions.major',
  'template_versions.minor',
  'template_versions.nlqf_level',
  'template_versions.example',
  'document_versions.auto',
  'traject_items.position',
  'round_responses.score',
];

/** Tables whose rows are never deleted, so a foreign key to them needs no index for the delete check. */
const NEVER_DELETED = ['users', 'template_versions'];

const SQLITE_TO_POSTGRES_TYPE: Record<string, string> = { TEXT: 'text', BLOB: 'bytea', INTEGER: 'bigint' };

/** Each table of `shape` mapped through `view`, keyed by table name. */
function perTable<T>(shape: SchemaShape, view: (table: TableShape, name: string) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(shape).map(([name, table]) => [name, view(table, name)]));
}

const sorted = (values: string[]) => [...values].sort();

/** PostgreSQL's shape without what only PostgreSQL has by design (the insertion-order `seq`). */
function withoutSeq(table: TableShape, name: string): TableShape {
  const ordered = (INSERTION_ORDERED_TABLES as readonly string[]).includes(name);
  const only = [...(ordered ? ['seq'] : []), ...(POSTGRES_ONLY_COLUMNS[name] ?? [])];
  return { ...table, columns: table.columns.filter((column) => !only.includes(column.name)) };
}

describe('the SQLite and PostgreSQL migration series', () => {
  let cluster: PostgresCluster;
  let pool: pg.Pool;
  let dataDir: string;
  let db: Db;
  let sqlite: SchemaShape;
  let postgres: SchemaShape;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    await migratePostgres(pool);
    postgres = await postgresShape(pool);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-parity-'));
    db = openDatabase(dataDir);
    sqlite = sqliteShape(db);
  });
  afterAll(async () => {
    db?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await pool?.end();
    await cluster?.stop();
  });

  it('create the same tables', () => {
    expect(sorted(Object.keys(postgres))).toEqual(sorted(Object.keys(sqlite)));
    expect(Object.keys(sqlite).length).toBeGreaterThan(30);
  });

  it('create the same columns in the same order, with the same nullability and defaults', () => {
    const view = (table: TableShape) =>
      table.columns.map(({ name, notNull, defaultValue }) => ({ name, notNull, defaultValue }));
    expect(perTable(postgres, (table, name) => view(withoutSeq(table, name)))).toEqual(
      perTable(sqlite, view),
    );
  });

  it('add an insertion-order seq on PostgreSQL to exactly the tables SQLite orders by rowid', () => {
    const hasSeq = (table: TableShape | undefined) => table?.columns.some((column) => column.name === 'seq');
    // The update log's own seq (per document) is on both engines; only the PostgreSQL-only one counts.
    const seqTables = Object.entries(postgres)
      .filter(([name, table]) => hasSeq(table) && !hasSeq(sqlite[name]))
      .map(([name]) => name);
    expect(sorted(seqTables)).toEqual(sorted([...INSERTION_ORDERED_TABLES]));
    for (const name of seqTables) {
      expect(postgres[name]!.columns.find((column) => column.name === 'seq')).toEqual({
        name: 'seq',
        type: 'bigint',
        notNull: true,
        defaultValue: null,
        identity: 'ALWAYS',
      });
    }
  });

  it('map TEXT to text, BLOB to bytea and INTEGER to bigint, except the small counters', () => {
    const expected = perTable(sqlite, (table, name) =>
      table.columns.map((column) =>
        POSTGRES_INT4_COLUMNS.includes(`${name}.${column.name}`)
          ? 'integer'
          : (SQLITE_TO_POSTGRES_TYPE[column.type] ?? `unmapped ${column.type}`),
      ),
    );
    const actual = perTable(postgres, (table, name) =>
      withoutSeq(table, name).columns.map((column) => column.type),
    );
    expect(actual).toEqual(expected);
  });

  it('number rows themselves where SQLite does: rowid ids are identity columns BY DEFAULT', () => {
    // schema_migrations.version is always given explicitly, so PostgreSQL need not generate it.
    const identities = (shape: SchemaShape) =>
      Object.entries(shape).flatMap(([name, table]) =>
        withoutSeq(table, name)
          .columns.filter((column) => column.identity !== null)
          .map((column) => `${name}.${column.name} ${column.identity}`)
          .filter((entry) => !entry.startsWith('schema_migrations.')),
      );
    expect(sorted(identities(postgres))).toEqual(
      sorted(identities(sqlite).map((entry) => entry.replace(/rowid$/, 'BY DEFAULT'))),
    );
  });

  it('have the same primary keys and unique keys (NOCASE on SQLite is lower() on PostgreSQL)', () => {
    const keys = (table: TableShape) => ({
      primaryKey: table.primaryKey,
      uniques: sorted(
        table.uniques.map((index) => `${index.columns.join(', ')}${index.partial ? ' (partial)' : ''}`),
      ),
    });
    expect(perTable(postgres, keys)).toEqual(perTable(sqlite, keys));
    expect(postgres.users!.uniques.map((index) => index.columns)).toEqual([['lower(email)']]);
  });

  it('have the same indexes, and on PostgreSQL only the documented extra ones', () => {
    const indexes = (shape: SchemaShape) =>
      Object.entries(shape).flatMap(([table, { indexes }]) =>
        indexes.map(
          (index) => `${table}.${index.name} (${index.columns.join(', ')})${index.partial ? ' partial' : ''}`,
        ),
      );
    const postgresIndexes = indexes(postgres);
    const extra = postgresIndexes.filter((index) => !indexes(sqlite).includes(index));
    expect(sorted(extra.map((index) => index.split(' ')[0]!))).toEqual(sorted(POSTGRES_ONLY_INDEXES));
    expect(sorted(postgresIndexes.filter((index) => !extra.includes(index)))).toEqual(
      sorted(indexes(sqlite)),
    );
  });

  it('have the same foreign keys with the same ON DELETE', () => {
    const foreignKeys = (table: TableShape) =>
      sorted(
        table.foreignKeys.map(
          (key) => `(${key.from.join(', ')}) → ${key.table}(${key.to.join(', ')}) ON DELETE ${key.onDelete}`,
        ),
      );
    expect(perTable(postgres, foreignKeys)).toEqual(perTable(sqlite, foreignKeys));
  });

  it('index every foreign key on PostgreSQL whose target rows can be deleted', () => {
    const unindexed = Object.entries(postgres).flatMap(([name, table]) =>
      table.foreignKeys
        .filter((key) => !NEVER_DELETED.includes(key.table))
        .filter(
          (key) =>
            ![table.primaryKey, ...[...table.uniques, ...table.indexes].map((index) => index.columns)].some(
              (columns) => key.from.every((column, position) => columns[position] === column),
            ),
        )
        .map((key) => `${name}(${key.from.join(', ')})`),
    );
    expect(unindexed).toEqual([]);
  });

  it('have the same number of CHECK constraints per table and the same triggers', () => {
    const checks = (table: TableShape, name: string) => ({
      checks: table.checkCount,
      triggers: sorted(table.triggers.filter((trigger) => !SQLITE_ONLY_TRIGGERS[name]?.includes(trigger))),
    });
    expect(perTable(postgres, checks)).toEqual(perTable(sqlite, checks));
  });
});
