import { REVIEWER_PERSPECTIVES } from '../../shared/domain/design/feedback';
import { TRIAGE_DECISIONS, type RoundSummary, type SummaryItem } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import type { RoundAccess } from '../policies/round';
import type { RoundRow } from '../stores/rounds';
import { groupThreads } from './comments';
import { person } from './common';
import { presentResponses } from './responses';
import { criteriaOf, presentRound } from './round';

type Deps = Pick<AppDeps, 'stores'>;

/** Every item of a round that needs a triage decision, with its decision so far. */
export async function summaryItems(deps: Deps, round: RoundRow): Promise<SummaryItem[]> {
  const store = deps.stores.rounds;
  const triage = new Map(
    (await store.triage(round.id)).map((row) => [`${row.item_kind}:${row.item_id}`, row]),
  );
  const entry = (kind: 'comment' | 'response', id: string): SummaryItem['triage'] => {
    const row = triage.get(`${kind}:${id}`);
    return row
      ? {
          decision: row.decision,
          reason: row.reason,
          version: row.version_id ? { id: row.version_id, label: row.version_label ?? '' } : null,
          decidedBy: person(row.decided_by, row.decided_by_name),
          decidedAt: new Date(row.decided_at).toISOString(),
        }
      : null;
  };
  const perspectives = await store.perspectives(round.id);
  const perspectiveOf = (author: SummaryItem['author']) =>
    author ? (perspectives.get(author.id) ?? null) : null;
  const comments = (await groupThreads(deps, await store.roundComments(round.id), null))
    // A thread whose every message was deleted has nothing to triage.
    .filter((thread) => thread.messages.some((message) => !message.deleted))
    .map((thread): SummaryItem => {
      const first = thread.messages.find((message) => !message.deleted)!;
      const anchor = thread.anchor;
      return {
        kind: 'comment',
        id: thread.id,
        author: first.author,
        context: anchor ? (anchor.type === 'text' ? anchor.quote : anchor.label) : 'Algemeen',
        text: first.body,
        score: null,
        replies: thread.messages.length - 1,
        triage: entry('comment', thread.id),
        perspective: perspectiveOf(first.author),
      };
    });
  const criteria = new Map(criteriaOf(round).map((criterion) => [criterion.id, criterion.title]));
  const responses = presentResponses(round, await store.responses(round.id))
    .filter((response) => response.score !== null || response.text.trim())
    .map((response): SummaryItem => ({
      kind: 'response',
      id: response.id,
      author: response.author,
      context: criteria.get(response.criterionId) ?? '',
      text:
        response.score !== null
          ? `${response.score}/4${response.text ? ` — ${response.text}` : ''}`
          : response.text,
      score: response.score,
      replies: 0,
      triage: entry('response', response.id),
      perspective: response.perspective,
    }));
  return [...comments, ...responses];
}

/** The round, every item with its decision, and the counts per decision. */
export async function presentSummary(
  deps: Deps,
  round: RoundRow,
  access: RoundAccess,
): Promise<RoundSummary> {
  const items = await summaryItems(deps, round);
  const counts = { total: items.length, triaged: 0 } as RoundSummary['counts'];
  for (const decision of TRIAGE_DECISIONS) counts[decision] = 0;
  for (const item of items) {
    if (!item.triage) continue;
    counts.triaged++;
    counts[item.triage.decision]++;
  }
  const perspectives = Object.fromEntries(
    REVIEWER_PERSPECTIVES.map((p) => [p, 0]),
  ) as RoundSummary['perspectives'];
  const stated = await deps.stores.rounds.perspectives(round.id);
  for (const submission of await deps.stores.rounds.submissions(round.id)) {
    const perspective = stated.get(submission.user_id);
    if (perspective) perspectives[perspective]++;
  }
  return { round: await presentRound(deps, round, access), items, counts, perspectives };
}
