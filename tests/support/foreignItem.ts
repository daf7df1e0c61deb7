import { randomUUID } from 'node:crypto';
import { createDesign, createTraject, setTrajectItems } from '../../server/commands/designs';
import { changeStatus } from '../../server/commands/lifecycle';
import type { AppDeps } from '../../server/deps';

/**
 * A traject of `teamId` holding an approved leerarrangement of another co-creatieteam (owned by
 * `userId` too), the case that needs an agreement with its provider (001 l.283). The design is
 * approved the way the catalog tests do it: external review written straight into the database.
 */
export async function trajectWithForeignItem(
  deps: AppDeps,
  userId: string,
  teamId: string,
  templateVersionId: string,
): Promise<{ trajectId: string; designId: string; otherTeamId: string }> {
  const otherTeamId = randomUUID();
  await deps.stores.teams.insert({ id: otherTeamId, name: 'Co-creatielab West', kind: 'cocreatieteam' });
  await deps.stores.teams.setMember(otherTeamId, userId, 'owner');
  const { id: designId } = await createDesign(deps, userId, {
    teamId: otherTeamId,
    title: 'Geleend arrangement',
    templateId: templateVersionId,
  });
  await deps.database.db
    .updateTable('designs')
    .set({ status: 'aangemeld-externe-toetsing' })
    .where('doc_id', '=', designId)
    .execute();
  await changeStatus(deps, userId, designId, { to: 'goedgekeurd' });
  const { id: trajectId } = await createTraject(deps, userId, {
    teamId,
    title: 'Met leenwerk',
    templateVersionId,
  });
  await setTrajectItems(deps, userId, trajectId, [{ designId }]);
  return { trajectId, designId, otherTeamId };
}
