import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TemplateContent } from '../../shared/domain/template/types';
import { validateForPublish } from '../../shared/domain/template/validate';
import { parseVersion } from '../../shared/domain/template/versioning';
import { log } from '../log';
import type { TeamStore } from '../stores/teams';
import type { TemplateVersionStore } from '../stores/templateVersions';
import type { Db } from './connection';

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
export function seedExampleTemplates(
  db: Db,
  stores: { teams: TeamStore; templateVersions: TemplateVersionStore },
) {
  for (const file of fs
    .readdirSync(seedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const templateKey = `voorbeeld:${file.slice(0, -5)}`;
    if (stores.templateVersions.versionsOf(templateKey).length > 0) continue;
    const seed = JSON.parse(fs.readFileSync(`${seedDir}${file}`, 'utf8')) as SeedFile;
    const problems = validateForPublish(seed.content);
    const version = parseVersion(seed.version);
    if (problems.length > 0 || !version) {
      throw new Error(`Seed ${file} is invalid: ${problems.map((problem) => problem.message).join('; ')}`);
    }
    db.transaction(() => {
      const teamId = randomUUID();
      stores.teams.insert({ id: teamId, name: seed.atelier.name, kind: 'atelier' });
      stores.templateVersions.insert({
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
    })();
    log.info('published example ontwikkelpad', { title: seed.content.title });
  }
}
