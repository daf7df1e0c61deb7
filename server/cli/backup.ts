import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../db/connection';
import { backupDatabase, listBackups, restoreBackup } from '../db/backup';
import { loadEnv } from '../env';
import { setLogLevel } from '../log';

/**
 * `npm run backup`                     online backup of DATA_DIR's database into DATA_DIR/backups
 * `npm run backup -- --list`           the backups, oldest first
 * `npm run backup -- --restore <file>` replaces the database with a backup (server stopped!)
 */
async function main(args: string[]): Promise<number> {
  const env = loadEnv();
  setLogLevel(env.LOG_LEVEL === 'silent' ? 'silent' : 'warn');
  if (env.DATABASE_URL) {
    // PostgreSQL has its own, better tools; a SQLite backup of nothing would only mislead.
    process.stderr.write(
      'DATABASE_URL is gezet: maak back-ups van PostgreSQL met pg_dump (zie README, "Running on PostgreSQL").\n',
    );
    return 2;
  }
  if (args[0] === '--list') {
    for (const file of listBackups(env.DATA_DIR)) process.stdout.write(`${file}\n`);
    return 0;
  }
  if (args[0] === '--restore') {
    const file = args[1];
    if (!file) {
      process.stderr.write('Gebruik: npm run backup -- --restore <bestand>\n');
      return 2;
    }
    const kept = restoreBackup(env.DATA_DIR, path.resolve(file));
    process.stdout.write(
      `RESTORED ${path.resolve(file)}\n` + (kept ? `Vorige database bewaard als ${kept}\n` : ''),
    );
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`Onbekende optie: ${args.join(' ')}\n`);
    return 2;
  }
  // A plain connection (no migrations, no pragmas that write): safe next to a running server.
  const db = new Database(path.join(env.DATA_DIR, DATABASE_FILE), { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${env.SQLITE_BUSY_TIMEOUT_MS}`);
    const file = await backupDatabase(db, env.DATA_DIR, env.BACKUP_KEEP);
    process.stdout.write(`BACKUP ${file}\n`);
  } finally {
    db.close();
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`Back-up mislukt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
