import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TemplateContent } from '../../shared/domain/template/types';
import { validateForPublish } from '../../shared/domain/template/validate';
import { parseVersion } from '../../shared/domain/template/versioning';
import { log } from '../log';
import { sql } from 'kysely';
import { createTeamStore } from '../stores/teams';
import { createTemplateVersionStore } from '../stores/templateVersions';
import type { Database } from './database';
import { isPostgres } from './portable';

/** Advisory lock key of seeding (any constant distinct from the migration lock). */
const SEED_LOCK = 4_815_162_342;

const seedDir = fileURLToPath(new URL('./seeds/templates/', import.meta.url));

interface SeedFile {
  example: true;
  atelier: { name: string; note: string };
  version: string;
  changeNote: string;
  content: TemplateContent;
}

/**
 * First start: publishes the example ontwikkelpaden (clearly labelled "voorbeeld"), each owned by
 * an example atelier, so a new user can start a design at once. Idempotent: a seed whose key is
 * already published is skipped, so restarts and upgrades never duplicate or change them.
 */
export async function seedExampleTemplates(database: Database): Promise<void> {
  for (const file of fs
    .readdirSync(seedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const templateKey = `voorbeeld:${file.slice(0, -5)}`;
    const seed = JSON.parse(fs.readFileSync(`${seedDir}${file}`, 'utf8')) as SeedFile;
    const problems = validateForPublish(seed.content);
    const version = parseVersion(seed.version);
    if (problems.length > 0 || !version) {
      throw new Error(`Seed ${file} is invalid: ${problems.map((problem) => problem.message).join('; ')}`);
    }
    const published = await database.transaction(async (trx) => {
      // Instances starting at once on one PostgreSQL database: one publishes, the others wait here
      // and then find the version. SQLite runs one transaction at a time anyway.
      if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
      const versions = createTemplateVersionStore(trx);
      if ((await versions.versionsOf(templateKey)).length > 0) return false;
      const teamId = randomUUID();
      await createTeamStore(trx).insert({ id: teamId, name: seed.atelier.name, kind: 'atelier' });
      await versions.insert({
        id: randomUUID(),
        templateKey,
        teamId,
        draftDocId: null,
        major: version.major,
        minor: version.minor,
        content: seed.content,
        changeNote: seed.changeNote,
        example: true,
        publishedBy: null,
      });
      return true;
    });
    if (published) log.info('published example ontwikkelpad', { title: seed.content.title });
  }
}
