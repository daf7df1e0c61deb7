import type { AppDeps } from '../deps';
import { closedRoundCount } from './rounds';

/**
 * How many feedback rounds on this document are closed (rule R13 and the *interne toetsing* gate):
 * a round counts once it is closed — at its deadline or by an owner — whether or not its triage is
 * complete yet.
 */
export function closedFeedbackRounds(deps: Pick<AppDeps, 'db' | 'stores'>, docId: string): number | null {
  return closedRoundCount(deps, docId);
}
