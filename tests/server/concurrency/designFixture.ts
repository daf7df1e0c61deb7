import { createDesign } from '../../../server/commands/designs';
import { createTraject } from '../../../server/commands/trajectContents';
import { addMember } from '../../../server/commands/teams';
import type { Harness } from './harness';

/** The example ontwikkelpad every design here is made against (seeded on both engines). */
export async function exampleVersion(h: Harness) {
  const [latest] = await h.deps.stores.templateVersions.versionsOf('voorbeeld:start-vakbekwaam');
  return (await h.deps.stores.templateVersions.get(latest!.id))!;
}

/**
 * A co-creatieteam with two owners (Ann, Bob) and a leerarrangement in it (loaded in the stub
 * rooms), made against `templateId` (default: the example ontwikkelpad).
 */
export async function designTeam(h: Harness, templateId?: string) {
  const [ann, bob] = [await h.user('Ann'), await h.user('Bob')];
  const teamId = await h.team(ann.id);
  await addMember(h.deps, ann.id, teamId, bob.email, 'owner');
  const version = templateId ?? (await exampleVersion(h)).id;
  const { id: docId } = await createDesign(h.deps, ann.id, { teamId, title: 'Ontwerp', templateId: version });
  await h.open(docId);
  return { ann, bob, teamId, docId, templateVersionId: version };
}

/** designTeam with a traject of the team against the same version. */
export async function trajectTeam(h: Harness) {
  const team = await designTeam(h);
  const { id: trajectId } = await createTraject(h.deps, team.ann.id, {
    teamId: team.teamId,
    title: 'Traject',
    templateVersionId: team.templateVersionId,
  });
  return { ...team, trajectId };
}
