import type Database from 'better-sqlite3';
import type { Pool } from 'pg';

/** One column as both engines can describe it. */
export interface ColumnShape {
  name: string;
  /** SQLite's declared type (INTEGER, TEXT, BLOB) or PostgreSQL's data_type (bigint, text, bytea…). */
  type: string;
  notNull: boolean;
  /** The default's literal, casts removed; null when there is none. */
  defaultValue: string | null;
  /** SQLite: an INTEGER PRIMARY KEY (rowid alias). PostgreSQL: an identity column (ALWAYS/BY DEFAULT). */
  identity: 'rowid' | 'ALWAYS' | 'BY DEFAULT' | null;
}

/** A key or index as a list of key parts: `column`, `column DESC` or `lower(column)`. */
export interface IndexShape {
  name: string;
  columns: string[];
  unique: boolean;
  partial: boolean;
}

/** A foreign key: `from` columns → `table(to)` with its ON DELETE action. */
export interface ForeignKeyShape {
  from: string[];
  table: string;
  to: string[];
  onDelete: string;
}

/** One table as both engines can describe it. */
export interface TableShape {
  columns: ColumnShape[];
  primaryKey: string[];
  /** Unique constraints and unique indexes alike, without the primary key. */
  uniques: IndexShape[];
  /** Indexes that are not unique. */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
  checkCount: number;
  triggers: string[];
}

export type SchemaShape = Record<string, TableShape>;

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Describes every table of a SQLite database through its pragmas. */
export function sqliteShape(db: Database.Database): SchemaShape {
  const shape: SchemaShape = {};
  const tables = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')`,
    )
    .all() as { name: string; sql: string }[];
  const triggers = db.prepare(`SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'`).all() as {
    tbl_name: string;
    name: string;
  }[];
  for (const { name: table, sql } of tables) {
    const info = db.pragma(`table_info(${table})`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const primaryKey = info
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    const rowidAlias = primaryKey.length === 1 && info.find((c) => c.pk > 0)?.type === 'INTEGER';
    const uniques: IndexShape[] = [];
    const indexes: IndexShape[] = [];
    const indexList = db.pragma(`index_list(${table})`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    for (const index of indexList) {
      if (index.origin === 'pk') continue;
      const parts = (
        db.pragma(`index_xinfo(${index.name})`) as {
          name: string | null;
          desc: number;
          coll: string;
          key: number;
        }[]
      )
        .filter((part) => part.key === 1)
        .map((part) => {
          if (part.name === null) throw new Error(`${index.name}: expression indexes are not described`);
          const column = part.coll.toUpperCase() === 'NOCASE' ? `lower(${part.name})` : part.name;
          return part.desc ? `${column} DESC` : column;
        });
      const described = {
        name: index.name,
        columns: parts,
        unique: index.unique === 1,
        partial: index.partial === 1,
      };
      (described.unique ? uniques : indexes).push(described);
    }
    const fkRows = db.pragma(`foreign_key_list(${table})`) as {
      id: number;
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[];
    const foreignKeys = [...new Set(fkRows.map((row) => row.id))].map((id) => {
      const rows = fkRows.filter((row) => row.id === id);
      return {
        from: rows.map((row) => row.from),
        table: rows[0]!.table,
        to: rows.map((row) => row.to ?? '(primary key)'),
        onDelete: rows[0]!.on_delete,
      };
    });
    shape[table] = {
      columns: info.map((column) => ({
        name: column.name,
        type: column.type,
        // A PRIMARY KEY column may hold NULL on SQLite unless declared NOT NULL (a legacy quirk);
        // the app never stores one, and PostgreSQL forbids it, so both count as NOT NULL.
        notNull: column.notnull === 1 || column.pk > 0,
        defaultValue: column.dflt_value,
        identity: rowidAlias && column.pk > 0 ? 'rowid' : null,
      })),
      primaryKey,
      uniques,
      indexes,
      foreignKeys,
      checkCount: sql.match(/\bCHECK\s*\(/gi)?.length ?? 0,
      triggers: triggers.filter((trigger) => trigger.tbl_name === table).map((trigger) => trigger.name),
    };
  }
  return shape;
}

/** Describes every table of the public schema of a PostgreSQL database through its catalogs. */
export async function postgresShape(pool: Pool): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  const columns = await pool.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: 'YES' | 'NO';
    column_default: string | null;
    is_identity: 'YES' | 'NO';
    identity_generation: 'ALWAYS' | 'BY DEFAULT' | null;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default,
            c.is_identity, c.identity_generation
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const indexes = await pool.query<{
    table_name: string;
    name: string;
    unique: boolean;
    primary: boolean;
    partial: boolean;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS name, x.indisunique AS unique,
            x.indisprimary AS primary, x.indpred IS NOT NULL AS partial,
            array(SELECT pg_get_indexdef(x.indexrelid, k, true)
                         || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace`,
  );
  const constraints = await pool.query<{
    table_name: string;
    contype: 'c' | 'f';
    from_columns: string[];
    ref_table: string | null;
    to_columns: string[];
    confdeltype: string;
  }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.contype,
            array(SELECT attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
                    JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.num ORDER BY k.ord) AS from_columns,
            c.confrelid::regclass::text AS ref_table,
            array(SELECT attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord)
                    JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.num ORDER BY k.ord) AS to_columns,
            c.confdeltype
       FROM pg_constraint c
      WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('c', 'f')
      ORDER BY c.conrelid, c.conname`,
  );
  const triggers = await pool.query<{ table_name: string; name: string }>(
    `SELECT tgrelid::regclass::text AS table_name, tgname::text AS name
       FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`,
  );
  const tables = [...new Set(columns.rows.map((row) => row.table_name))];
  for (const table of tables) {
    const own = <Row extends { table_name: string }>(rows: Row[]) =>
      rows.filter((row) => row.table_name === table);
    const tableIndexes = own(indexes.rows);
    const described = (row: (typeof tableIndexes)[number]): IndexShape => ({
      name: row.name,
      columns: row.columns,
      unique: row.unique,
      partial: row.partial,
    });
    const tableConstraints = own(constraints.rows);
    shape[table] = {
      columns: own(columns.rows).map((row) => ({
        name: row.column_name,
        type: row.data_type,
        notNull: row.is_nullable === 'NO',
        defaultValue: row.column_default?.replace(/::[a-z ]+$/, '') ?? null,
        identity: row.is_identity === 'YES' ? row.identity_generation : null,
      })),
      primaryKey: tableIndexes.find((row) => row.primary)?.columns ?? [],
      uniques: tableIndexes.filter((row) => row.unique && !row.primary).map(described),
      indexes: tableIndexes.filter((row) => !row.unique).map(described),
      foreignKeys: tableConstraints
        .filter((row) => row.contype === 'f')
        .map((row) => ({
          from: row.from_columns,
          table: row.ref_table!,
          to: row.to_columns,
          onDelete: ON_DELETE[row.confdeltype] ?? row.confdeltype,
        })),
      checkCount: tableConstraints.filter((row) => row.contype === 'c').length,
      triggers: own(triggers.rows).map((row) => row.name),
    };
  }
  return shape;
}
