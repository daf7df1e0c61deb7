import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../env';
import { setLogLevel } from '../log';
import { MoveRefused, VerificationFailed } from './migrateToPostgres/errors';
import { moveToPostgres, type MoveSummary } from './migrateToPostgres/move';

const USAGE =
  'Gebruik: DATABASE_URL=postgres://… npm run migrate-to-postgres -- --from data/werkplaats.sqlite\n';

/**
 * `npm run migrate-to-postgres -- --from <file>`: moves a SQLite database (server stopped) into the
 * empty PostgreSQL database of DATABASE_URL, checked row by row and document by document before it
 * commits. Exit 0 when done, 1 when refused or failed (PostgreSQL untouched), 2 on wrong usage.
 */
async function main(args: string[]): Promise<number> {
  let from: string | undefined;
  try {
    from = parseArgs({ args, options: { from: { type: 'string' } }, strict: true }).values.from;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const env = loadEnv();
  setLogLevel(env.LOG_LEVEL === 'silent' ? 'silent' : 'warn');
  if (!env.DATABASE_URL) {
    process.stderr.write(`DATABASE_URL ontbreekt: zet het op de (lege) PostgreSQL-database.\n${USAGE}`);
    return 2;
  }
  if (!from) {
    process.stderr.write(`--from ontbreekt: het SQLite-bestand om over te zetten.\n${USAGE}`);
    return 2;
  }
  try {
    const summary = await moveToPostgres({
      from: path.resolve(from),
      databaseUrl: env.DATABASE_URL,
      onProgress: (line) => process.stdout.write(`  ${line}\n`),
    });
    process.stdout.write(summaryLine(summary));
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) {
      process.stderr.write(`Geweigerd, niets overgezet: ${error.message}\n`);
      return 1;
    }
    if (error instanceof VerificationFailed) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function summaryLine({ tables, rows, documents, bytes, seconds }: MoveSummary): string {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  const perSecond = Math.round(rows / Math.max(seconds, 0.001));
  return (
    `MIGRATED ${tables.length} tabellen, ${rows} rijen, ${documents} documenten, ${megabytes} MB ` +
    `in ${seconds.toFixed(1)} s (${perSecond} rijen/s), rij voor rij en document voor document gecontroleerd\n`
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `Overzetten mislukt, niets overgezet: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
