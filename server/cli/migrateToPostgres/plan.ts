import type { ClientBase } from 'pg';
import { MoveRefused } from './errors';
import type { SqliteTable } from './sqliteSource';

/** How one table is copied and compared, derived from both live schemas. */
export interface TablePlan {
  name: string;
  /** Columns both engines have, in PostgreSQL's order. */
  columns: string[];
  /**
   * PostgreSQL-only identity columns (the insertion-order `seq`), filled with SQLite's rowid so that
   * ordering by them is ordering by rowid there. Rows are then compared in rowid order.
   */
  rowidColumns: string[];
  /** Every identity column written to: inserted with OVERRIDING SYSTEM VALUE, sequence set past the max. */
  identityColumns: string[];
  /** The primary key (rowid order when rowidColumns is not empty): the order rows are compared in. */
  key: string[];
  /** PostgreSQL's type of each column (`text`, `bigint`, `bytea`…), for casts and collations. */
  types: Map<string, string>;
}

interface PostgresColumn {
  table: string;
  column: string;
  identity: '' | 'a' | 'd';
  generated: string;
  type: string;
}

/**
 * Pairs the SQLite tables with the migrated PostgreSQL schema (the current one, inside the move's
 * transaction) and orders them so that every table comes after the tables its foreign keys point to.
 * Refuses when the two schemas disagree in a way a copy cannot bridge.
 */
export async function planCopy(client: ClientBase, sqlite: SqliteTable[]): Promise<TablePlan[]> {
  const { rows: columns } = await client.query<PostgresColumn>(
    `SELECT c.relname AS table, a.attname AS column, a.attidentity AS identity,
            a.attgenerated AS generated, format_type(a.atttypid, NULL) AS type
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'schema_migrations'
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: references } = await client.query<{ table: string; target: string }>(
    `SELECT t.relname AS table, r.relname AS target
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  const sqliteByName = new Map(sqlite.map((table) => [table.name, table]));
  const postgresNames = [...new Set(columns.map((column) => column.table))];
  const onlySqlite = sqlite.map((table) => table.name).filter((name) => !postgresNames.includes(name));
  const onlyPostgres = postgresNames.filter((name) => !sqliteByName.has(name));
  if (onlySqlite.length > 0 || onlyPostgres.length > 0) {
    throw new MoveRefused(
      `De schema's verschillen: alleen in SQLite ${onlySqlite.join(', ') || '-'}; ` +
        `alleen in PostgreSQL ${onlyPostgres.join(', ') || '-'}.`,
    );
  }
  const plans = postgresNames.map((name) =>
    planTable(
      sqliteByName.get(name)!,
      columns.filter((column) => column.table === name),
    ),
  );
  return inForeignKeyOrder(plans, references);
}

function planTable(sqlite: SqliteTable, postgres: PostgresColumn[]): TablePlan {
  const shared = postgres.filter((column) => sqlite.columns.includes(column.column));
  // A generated column only PostgreSQL has (search_entries.tsv) is computed there from the copied ones.
  const postgresOnly = postgres.filter(
    (column) => !sqlite.columns.includes(column.column) && column.generated === '',
  );
  const sqliteOnly = sqlite.columns.filter((name) => !postgres.some((column) => column.column === name));
  const unbridgeable = postgresOnly.filter((column) => column.identity === '');
  if (sqliteOnly.length > 0 || unbridgeable.length > 0 || postgresOnly.length > 1) {
    throw new MoveRefused(
      `De kolommen van ${sqlite.name} verschillen: alleen in SQLite ${sqliteOnly.join(', ') || '-'}; ` +
        `alleen in PostgreSQL ${postgresOnly.map((column) => column.column).join(', ') || '-'}.`,
    );
  }
  const generated = shared.filter((column) => column.generated !== '');
  if (generated.length > 0) {
    throw new MoveRefused(
      `${sqlite.name} heeft berekende kolommen (${generated.map((c) => c.column).join(', ')}).`,
    );
  }
  const rowidColumns = postgresOnly.map((column) => column.column);
  return {
    name: sqlite.name,
    columns: shared.map((column) => column.column),
    rowidColumns,
    identityColumns: postgres.filter((column) => column.identity !== '').map((column) => column.column),
    key:
      rowidColumns.length > 0
        ? rowidColumns
        : sqlite.primaryKey.length > 0
          ? sqlite.primaryKey
          : sqlite.columns,
    types: new Map(postgres.map((column) => [column.column, column.type])),
  };
}

/** Topological order over the foreign keys (names break ties, so the order is stable). */
function inForeignKeyOrder(plans: TablePlan[], references: { table: string; target: string }[]): TablePlan[] {
  const pending = new Map(plans.map((plan) => [plan.name, plan]));
  const ordered: TablePlan[] = [];
  while (pending.size > 0) {
    const ready = [...pending.keys()]
      .filter((name) =>
        references.every(
          (reference) =>
            reference.table !== name || reference.target === name || !pending.has(reference.target),
        ),
      )
      .sort();
    if (ready.length === 0) {
      throw new MoveRefused(`Kringverwijzing tussen de tabellen ${[...pending.keys()].join(', ')}.`);
    }
    for (const name of ready) {
      ordered.push(pending.get(name)!);
      pending.delete(name);
    }
  }
  return ordered;
}
