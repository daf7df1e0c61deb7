import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../api/request';
import {
  getVersion,
  getVersionDiff,
  listVersions,
  type VersionDetail,
  type VersionDiff,
  type VersionSummary,
} from './versionsApi';
import type { OutcomeNames } from './DiffView';

/** A side of a comparison: a saved version or the current state. */
export type Side = VersionSummary | 'current';

/** The "current state" side (the diff route's keyword, also the compare selects' value). */
export const CURRENT = 'current';

/** The id the diff route takes for a side. */
export function sideId(side: Side): string {
  return side === CURRENT ? CURRENT : side.id;
}

/** The saved versions of a document (null until loaded) and `reload` after a save or restore. */
export function useVersions(docId: string): {
  versions: VersionSummary[] | null;
  loadError: ApiError | null;
  reload: () => void;
} {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const reload = useCallback(() => {
    listVersions(docId).then(
      (list) => {
        setVersions(list);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(toApiError(error)),
    );
  }, [docId]);
  useEffect(reload, [reload]);
  return { versions, loadError, reload };
}

/** One saved version with its content (null until loaded). */
export function useVersionDetail(
  docId: string,
  versionId: string,
): { detail: VersionDetail | null; error: ApiError | null } {
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    getVersion(docId, versionId).then(
      (loaded) => !cancelled && setDetail(loaded),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [docId, versionId]);
  return { detail, error };
}

const outcomesOf = (detail: VersionDetail): OutcomeNames =>
  detail.json.kind === 'leerarrangement' ? detail.json.outcomes : {};

/** The diff from a saved version to another (or to the current state), with the outcomes it names. */
export function useVersionDiff(
  docId: string,
  fromId: string,
  toId: string,
): { loaded: { diff: VersionDiff; outcomes: OutcomeNames } | null; error: ApiError | null } {
  const [loaded, setLoaded] = useState<{ diff: VersionDiff; outcomes: OutcomeNames } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      getVersionDiff(docId, fromId, toId),
      getVersion(docId, fromId),
      toId === CURRENT ? Promise.resolve(null) : getVersion(docId, toId),
    ]).then(
      ([diff, fromDetail, toDetail]) =>
        !cancelled &&
        setLoaded({
          diff,
          // Outcomes removed or added between the two versions are named from either side.
          outcomes: { ...(toDetail ? outcomesOf(toDetail) : {}), ...outcomesOf(fromDetail) },
        }),
      (caught: unknown) => !cancelled && setError(toApiError(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, [docId, fromId, toId]);
  return { loaded, error };
}
