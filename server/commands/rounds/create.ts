import { randomUUID } from 'node:crypto';
import { DEFAULT_CRITERIA_NL, type Criterion, type Round } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError } from '../../http/apiError';
import { authorizeDocument } from '../../policies/document';
import { authorizeLockedRound, requireMayOpenRound } from '../../policies/round';
import { criteriaOf, presentRound } from '../../presenters/round';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';

type CriterionInput = { id?: string | undefined; title: string; description?: string | undefined };

/** Criteria with unique ids (a missing or repeated id gets a new one). */
function normaliseCriteria(input: CriterionInput[]): Criterion[] {
  const seen = new Set<string>();
  return input.map((criterion): Criterion => {
    let id = criterion.id && !seen.has(criterion.id) ? criterion.id : randomUUID();
    if (seen.has(id)) id = randomUUID();
    seen.add(id);
    return { id, title: criterion.title, description: criterion.description ?? '' };
  });
}

function parseDeadline(value: string, now = Date.now()): number {
  const deadline = Date.parse(value);
  if (!Number.isFinite(deadline)) throw new ApiError(400, 'invalid_body', 'Deadline is geen geldige datum.');
  if (deadline <= now) throw new ApiError(400, 'invalid_body', 'De deadline ligt in het verleden.');
  return deadline;
}

/** POST /api/documents/:docId/rounds — owners open a round on one version of the document. */
export async function createRound(
  deps: AppDeps,
  userId: string,
  docId: string,
  input: {
    versionId: string;
    title: string;
    description?: string | undefined;
    deadline: string;
    criteria?: CriterionInput[] | undefined;
  },
): Promise<Round> {
  const { document, role } = await authorizeDocument(deps.stores, userId, docId, 'document.read');
  requireMayOpenRound(role);
  const version = await deps.stores.versions.get(docId, input.versionId);
  if (!version) throw new ApiError(400, 'unknown_version', 'Deze versie hoort niet bij dit document.');
  const id = randomUUID();
  const criteria = normaliseCriteria(input.criteria ?? DEFAULT_CRITERIA_NL.map((title) => ({ title })));
  await deps.transaction(async (tx) => {
    await tx.stores.rounds.insertRound({
      id,
      docId,
      versionId: version.id,
      title: input.title,
      description: input.description ?? '',
      deadline: parseDeadline(input.deadline),
      criteria,
      createdBy: userId,
    });
    await tx.stores.audit.record('round.opened', {
      teamId: document.teamId,
      actorId: userId,
      details: { documentId: docId, roundId: id, versionId: version.id, title: input.title },
    });
  });
  emitRoundChange(docId, { kind: 'round', roundId: id });
  return presentRound(deps, (await deps.stores.rounds.round(id))!, { kind: 'team', role });
}

/** PATCH /api/rounds/:roundId — owners, while open. */
export async function updateRound(
  deps: AppDeps,
  userId: string,
  roundId: string,
  input: {
    title?: string | undefined;
    description?: string | undefined;
    deadline?: string | undefined;
    criteria?: CriterionInput[] | undefined;
  },
): Promise<Round> {
  const { round, access } = await authorizeRoundChange(deps, userId, roundId, 'edit');
  const deadline = input.deadline ? parseDeadline(input.deadline) : undefined;
  const criteria = input.criteria ? normaliseCriteria(input.criteria) : undefined;
  await deps.transaction(async (tx) => {
    // Still open as it stands now (its deadline may have passed meanwhile, which a new one must not undo).
    const { round: current } = await authorizeLockedRound(tx.stores, userId, round.id, 'edit', 'update');
    await tx.stores.rounds.updateRound(round.id, {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      deadline: deadline ?? current.deadline,
      criteria: criteria ?? criteriaOf(current),
    });
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return await presentRound(deps, (await deps.stores.rounds.round(round.id))!, access);
}
