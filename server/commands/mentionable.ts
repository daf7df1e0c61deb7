import type { PersonRef } from '../../shared/schemas/rounds';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { AppDeps } from '../deps';
import { authorizeDocument } from '../policies/document';
import { authorizeRound } from '../policies/round';
import { sortedPeople } from '../presenters/common';

type Deps = Pick<AppDeps, 'stores'>;

/** The members of the document's team as people to mention. */
async function teamPeople(deps: Deps, document: DocumentSummary): Promise<Map<string, PersonRef>> {
  const people = new Map<string, PersonRef>();
  for (const member of document.teamId ? await deps.stores.teams.members(document.teamId) : []) {
    people.set(member.userId, { id: member.userId, name: member.name });
  }
  return people;
}

/** GET /api/documents/:docId/mentionable — the team members (people who can see the live draft). */
export async function mentionable(deps: Deps, userId: string, docId: string) {
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  return { people: sortedPeople(await teamPeople(deps, document)) };
}

/** GET /api/rounds/:roundId/mentionable — the team and the round's reviewers (for reviewers too). */
export async function roundMentionable(deps: Deps, userId: string, roundId: string) {
  const { round, document } = await authorizeRound(deps.stores, userId, roundId, 'viewVersion');
  const people = await teamPeople(deps, document);
  for (const reviewer of await deps.stores.rounds.reviewers(round.id)) {
    people.set(reviewer.user_id, { id: reviewer.user_id, name: reviewer.name });
  }
  return { people: sortedPeople(people) };
}
