import { createHash } from 'node:crypto';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { isUniqueViolation } from '../db/portable';
import { authorizeTeam, lockTeam } from '../policies/team';
import type { User } from '../stores/users';
import { createDesign } from './designs';
import { EXAMPLE_TEMPLATE_KEY, EXAMPLE_TITLE, fillExampleDesign } from './exampleContent';
import { createTeam } from './teams';

/** A user's example team and the example design in it. */
export interface ExampleDesign {
  teamId: string;
  designId: string;
}

/**
 * The id of a user's example team, derived from the user id: the team's primary key then makes
 * creating it idempotent without a table of its own, also for two clicks at once. Knowing the id
 * grants nothing (access is membership).
 */
export function exampleTeamId(userId: string): string {
  const hex = createHash('sha256').update(`werkplaats:voorbeeldteam:${userId}`).digest('hex');
  const variant = (8 | (parseInt(hex[16]!, 16) & 3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The oldest leerarrangement of the example team (the user may add more designs to it). */
async function designIn(deps: AppDeps, teamId: string): Promise<string | null> {
  const designs = (await deps.stores.documents.listForTeam(teamId)).filter(
    (document) => document.kind === 'leerarrangement',
  );
  designs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return designs[0]?.id ?? null;
}

/** The caller's example, or null when they have none (never made, deleted, or no longer a member). */
export async function findExampleDesign(deps: AppDeps, userId: string): Promise<ExampleDesign | null> {
  const teamId = exampleTeamId(userId);
  if (!(await deps.stores.teams.role(teamId, userId))) return null;
  const designId = await designIn(deps, teamId);
  return designId ? { teamId, designId } : null;
}

/** The seeded ontwikkelpad the example is designed against (its newest version), for "start your own". */
export async function exampleTemplate(deps: AppDeps): Promise<{ id: string; title: string } | null> {
  const version = (await deps.stores.templateVersions.versionsOf(EXAMPLE_TEMPLATE_KEY))[0];
  return version ? { id: version.id, title: version.title } : null;
}

/**
 * Opens the caller's example: creates, on first use, a private co-creatieteam "Voorbeeldteam van
 * <naam>" with one filled-in leerarrangement against the seeded ontwikkelpad; afterwards returns
 * the same one.
 */
export async function openExampleDesign(
  deps: AppDeps,
  user: Pick<User, 'id' | 'name'>,
): Promise<ExampleDesign & { created: boolean }> {
  const found = await findExampleDesign(deps, user.id);
  if (found) return { ...found, created: false };
  try {
    return await deps.transaction((tx) => createExample(tx, user));
  } catch (error) {
    // A second request at once inserted the same team id first: its example is the one.
    if (!isUniqueViolation(error)) throw error;
    const other = await findExampleDesign(deps, user.id);
    if (!other) throw error;
    return { ...other, created: false };
  }
}

async function createExample(
  tx: AppDeps,
  user: Pick<User, 'id' | 'name'>,
): Promise<ExampleDesign & { created: boolean }> {
  const teamId = exampleTeamId(user.id);
  if (await tx.stores.teams.get(teamId)) {
    // The team without its design (the design was removed): add it again, once, under the lock.
    await authorizeTeam(tx.stores, user.id, teamId, 'document.create');
    await lockTeam(tx.stores, teamId);
    const designId = await designIn(tx, teamId);
    if (designId) return { teamId, designId, created: false };
  } else {
    const name = `Voorbeeldteam van ${user.name}`.slice(0, 200);
    await createTeam(tx, user.id, { name, kind: 'cocreatieteam' }, teamId);
  }
  const version = await exampleTemplate(tx);
  if (!version) throw notFound('Het voorbeeld-ontwikkelpad is op deze server niet gepubliceerd.');
  const { id } = await createDesign(
    tx,
    user.id,
    { teamId, title: EXAMPLE_TITLE, templateId: version.id },
    fillExampleDesign,
  );
  return { teamId, designId: id, created: true };
}

/**
 * Deletes the caller's example team with everything in it. Only its owner, and only while nobody
 * else is a member: a team others work in is left ("Team verlaten"), as with account deletion.
 */
export async function deleteExampleDesign(deps: AppDeps, userId: string): Promise<void> {
  const teamId = exampleTeamId(userId);
  await deps.transaction(async (tx) => {
    await authorizeTeam(tx.stores, userId, teamId, 'team.update');
    await lockTeam(tx.stores, teamId);
    if ((await tx.stores.teams.memberCount(teamId)) > 1) {
      throw new ApiError(
        409,
        'team_has_members',
        'Er werken anderen mee in je voorbeeldteam. Verlaat het team, of haal eerst de andere leden eruit.',
      );
    }
    await tx.stores.teams.delete(teamId);
  });
  // Open editors of the example lose their access now, not at their next reconnect.
  await deps.rooms.refreshAccess(userId, teamId);
}
