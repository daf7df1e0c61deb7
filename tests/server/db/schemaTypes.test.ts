import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const schemaFile = path.join(root, 'server/db/schema.ts');

/** A column type as Kysely sees it: the sorted union members of what a select returns and an insert takes. */
interface ColumnTypes {
  select: string[];
  insert: string[];
}

/** Every table and column of the `Database` interface in server/db/schema.ts, types fully resolved. */
function declaredSchema(): Record<string, Record<string, ColumnTypes>> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram([schemaFile], config.options);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(schemaFile)!)!;
  const database = checker.getExportsOfModule(module).find((symbol) => symbol.name === 'Database');
  if (!database) throw new Error('server/db/schema.ts exports no Database interface');
  // Type arguments dropped: `Buffer<ArrayBufferLike>` reads as `Buffer`.
  const members = (type: ts.Type) =>
    (type.isUnion() ? type.types : [type])
      .map((member) => checker.typeToString(member).replace(/<.*>$/, ''))
      .sort();
  const propertyType = (type: ts.Type, name: string) => {
    const property = type.getProperty(name);
    return property && checker.getTypeOfSymbol(property);
  };
  const tables: Record<string, Record<string, ColumnTypes>> = {};
  for (const table of checker.getDeclaredTypeOfSymbol(database).getProperties()) {
    const columns: Record<string, ColumnTypes> = {};
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const type = checker.getTypeOfSymbol(column);
      // Kysely's ColumnType<Select, Insert, Update> (and Generated) carry their parts as phantom properties.
      columns[column.name] = {
        select: members(propertyType(type, '__select__') ?? type),
        insert: members(propertyType(type, '__insert__') ?? type),
      };
    }
    tables[table.name] = columns;
  }
  return tables;
}

interface SqliteColumn {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  /** Has a default or is a rowid alias: an insert may leave it out. */
  generated: boolean;
  /** The values of a `CHECK (column IN (…))`, if it has one. */
  allowed: string[] | null;
}

function migratedColumns(db: Db): SqliteColumn[] {
  const tables = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
      AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')`,
    )
    .all() as { name: string; sql: string }[];
  return tables.flatMap(({ name: table, sql }) => {
    const checks = new Map(
      [...sql.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/gi)].map((match) => [
        match[1]!,
        [...match[2]!.matchAll(/'([^']*)'/g)].map((value) => value[1]!),
      ]),
    );
    const info = db.pragma(`table_info(${table})`) as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    // schema_migrations.version is a rowid alias too, but always given (and no identity on PostgreSQL).
    const rowidAlias = table !== 'schema_migrations' && info.filter((column) => column.pk > 0).length === 1;
    return info.map((column) => ({
      table,
      name: column.name,
      type: column.type,
      // A PRIMARY KEY column never holds NULL in practice (PostgreSQL forbids it).
      nullable: column.notnull === 0 && column.pk === 0,
      generated: column.dflt_value !== null || (rowidAlias && column.pk > 0 && column.type === 'INTEGER'),
      allowed: checks.get(column.name) ?? null,
    }));
  });
}

/** What a column's select type must be, null aside, given its SQLite declaration. */
function expectedSelect(column: SqliteColumn, select: string[]): string[] | 'numbers' {
  // Read as a Buffer at run time, typed as the Uint8Array it is, so a Uint8Array can be compared with it.
  if (column.type === 'BLOB') return ['Uint8Array'];
  if (column.allowed) return column.allowed.map((value) => JSON.stringify(value)).sort();
  if (column.type === 'TEXT') return ['string'];
  // An integer boolean (0 | 1) or any number.
  return select.every((member) => /^(number|\d+)$/.test(member)) ? select : 'numbers';
}

describe('server/db/schema.ts', () => {
  let dataDir: string;
  let columns: SqliteColumn[];
  let declared: Record<string, Record<string, ColumnTypes>>;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-schema-'));
    const db = openDatabase(dataDir);
    columns = migratedColumns(db);
    db.close();
    declared = declaredSchema();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const byTable = (rows: { table: string; name: string }[]) =>
    Object.fromEntries(
      [...new Set(rows.map((row) => row.table))].map((table) => [
        table,
        rows
          .filter((row) => row.table === table)
          .map((row) => row.name)
          .sort(),
      ]),
    );

  it('declares every table and column of the migrated schema, and nothing else', () => {
    const declaredColumns = Object.entries(declared).flatMap(([table, tableColumns]) =>
      Object.keys(tableColumns).map((name) => ({ table, name })),
    );
    expect(byTable(declaredColumns)).toEqual(byTable(columns));
  });

  it('types each column as stored: nullability, number, string or CHECK list, bytes', () => {
    const mismatches = columns.flatMap((column) => {
      const types = declared[column.table]?.[column.name];
      if (!types) return [];
      const select = types.select.filter((member) => member !== 'null');
      const problems = [];
      if (types.select.includes('null') !== column.nullable) {
        problems.push(column.nullable ? 'is nullable' : 'is NOT NULL');
      }
      const expected = expectedSelect(column, select);
      if (JSON.stringify(select) !== JSON.stringify(expected)) {
        problems.push(`selects ${select.join(' | ')}, expected ${String(expected)}`);
      }
      if (column.type === 'BLOB' && !types.insert.includes('Uint8Array'))
        problems.push('takes no Uint8Array');
      return problems.map((problem) => `${column.table}.${column.name} ${problem}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('marks exactly the columns with a default or a generated id as Generated', () => {
    const optional = (column: { table: string; name: string }) =>
      declared[column.table]?.[column.name]?.insert.includes('undefined') ?? false;
    const generated = columns.filter((column) => column.generated);
    expect(byTable(columns.filter(optional))).toEqual(byTable(generated));
    expect(generated.length).toBeGreaterThan(10);
  });
});
