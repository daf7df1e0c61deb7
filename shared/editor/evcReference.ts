import type * as Y from 'yjs';
import { META_MAP } from './fields';

/**
 * Whether a design follows its team's EVC procedure: a boolean key of the design's meta map, so it
 * merges like any other scalar field. Absent (every design written before) means it does not, and
 * the design's own EVC text keeps meaning what it always did.
 */
export const EVC_FOLLOWS_TEAM_KEY = 'evcFollowsTeam';

/** Whether the design refers to its team's EVC procedure. */
export function followsTeamEvc(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(META_MAP).get(EVC_FOLLOWS_TEAM_KEY) === true;
}

/** Makes the design refer to its team's EVC procedure (true) or stand on its own text (false). */
export function setFollowsTeamEvc(doc: Y.Doc, follows: boolean): void {
  doc.getMap<unknown>(META_MAP).set(EVC_FOLLOWS_TEAM_KEY, follows);
}
