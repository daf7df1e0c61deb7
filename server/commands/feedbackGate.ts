import type { AppDeps } from '../deps';

/**
 * How many feedback rounds on this document are closed (rule R13 and the *interne toetsing* gate).
 * `null` while feedback rounds do not exist yet: R13 then reads "pending" and the gate refuses with
 * "geen afgeronde feedbackronde". Issue 7 (feedback rounds) fills this in.
 */
export function closedFeedbackRounds(_deps: Pick<AppDeps, 'stores'>, _docId: string): number | null {
  return null;
}
