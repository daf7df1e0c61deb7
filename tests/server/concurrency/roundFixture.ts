import { addMember } from '../../../server/commands/teams';
import { createDocument } from '../../../server/commands/createDocument';
import { acceptRoundLink, createRoundLink, createRound } from '../../../server/commands/rounds';
import { saveVersion } from '../../../server/commands/versions';
import type { Criterion } from '../../../shared/schemas/rounds';
import type { Harness } from './harness';

const HOUR = 60 * 60 * 1000;

/**
 * An open feedback round on a document of a co-creatieteam: Ann owns the team, Eva edits, Rik
 * reviews through a link (`linkId`, `token`). The deadline is an hour away.
 */
export async function openRound(h: Harness) {
  const [ann, eva, rik] = [await h.user('Ann'), await h.user('Eva'), await h.user('Rik')];
  const teamId = await h.team(ann.id);
  await addMember(h.deps, ann.id, teamId, eva.email, 'editor');
  const { id: docId } = await createDocument(h.deps, ann.id, { teamId, title: 'Ontwerp' });
  await h.open(docId);
  const { id: versionId } = await saveVersion(h.deps, ann.id, docId, { label: 'Voor feedback' });
  const deadline = Date.now() + HOUR;
  const round = await createRound(h.deps, ann.id, docId, {
    versionId,
    title: 'Eerste ronde',
    deadline: new Date(deadline).toISOString(),
  });
  const link = await createRoundLink(h.deps, ann.id, round.id, {});
  await acceptRoundLink(h.deps, rik.id, link.token);
  const row = (await h.deps.stores.rounds.round(round.id))!;
  const criteria = JSON.parse(row.criteria) as Criterion[];
  return {
    ann,
    eva,
    rik,
    teamId,
    docId,
    roundId: round.id,
    deadline,
    linkId: link.id,
    token: link.token,
    /** One answer to the first criterion. */
    answers: [{ criterionId: criteria[0]!.id, score: 3, text: 'Helder' }],
  };
}

/** How many notifications of `kind` (whose text contains `text`) the user has. */
export async function notificationCount(
  h: Harness,
  userId: string,
  kind: string,
  text = '',
): Promise<number> {
  return (await h.deps.stores.rounds.notifications(userId)).filter(
    (notification) => notification.kind === kind && notification.text.includes(text),
  ).length;
}

/** How many audit records of `action` about the round the team has. */
export async function auditCount(
  h: Harness,
  teamId: string,
  action: string,
  roundId: string,
): Promise<number> {
  return (await h.deps.stores.audit.forTeam(teamId)).filter(
    (event) => event.action === action && event.details.roundId === roundId,
  ).length;
}
