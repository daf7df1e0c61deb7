import { randomUUID } from 'node:crypto';
import { createDesign } from '../../server/commands/designs';
import { createTraject, setTrajectItems } from '../../server/commands/trajectContents';
import { approveThroughCommittee } from './externalReview';
import type { TestServer, TestUser } from './server';

/**
 * A traject of `teamId` holding an approved leerarrangement of another co-creatieteam (owned by
 * `user` too), the case that needs an agreement with its provider (001 l.283). The design is
 * approved the way the catalog tests do it: by the shared toetsingscommissie.
 */
export async function trajectWithForeignItem(
  server: TestServer,
  user: TestUser,
  teamId: string,
  templateVersionId: string,
): Promise<{ trajectId: string; designId: string; otherTeamId: string }> {
  const { deps } = server.running;
  const userId = user.id;
  const otherTeamId = randomUUID();
  await deps.stores.teams.insert({ id: otherTeamId, name: 'Co-creatielab West', kind: 'cocreatieteam' });
  await deps.stores.teams.setMember(otherTeamId, userId, 'owner');
  const { id: designId } = await createDesign(deps, userId, {
    teamId: otherTeamId,
    title: 'Geleend arrangement',
    templateId: templateVersionId,
  });
  await approveThroughCommittee(server, user, designId);
  const { id: trajectId } = await createTraject(deps, userId, {
    teamId,
    title: 'Met leenwerk',
    templateVersionId,
  });
  await setTrajectItems(deps, userId, trajectId, [{ designId }]);
  return { trajectId, designId, otherTeamId };
}
