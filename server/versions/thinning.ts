const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which automatic versions a thinning removes: every one of the last day stays; between a day and a
 * week old, the newest of each hour; older, the newest of each day (UTC). Named versions are not
 * passed in: they always stay. Pure: the same versions and `now`, the same answer.
 */
export function thinnedAway(
  versions: ReadonlyArray<{ id: string; createdAt: number }>,
  now: number,
): string[] {
  const kept = new Map<string, { id: string; createdAt: number }>();
  const removed: string[] = [];
  for (const version of versions) {
    const age = now - version.createdAt;
    if (age < DAY_MS) continue;
    const bucket =
      age < 7 * DAY_MS
        ? `h${Math.floor(version.createdAt / HOUR_MS)}`
        : `d${Math.floor(version.createdAt / DAY_MS)}`;
    const other = kept.get(bucket);
    if (!other) kept.set(bucket, version);
    else if (version.createdAt > other.createdAt) {
      removed.push(other.id);
      kept.set(bucket, version);
    } else removed.push(version.id);
  }
  return removed;
}
