import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';

/** Megabytes as the messages show them ("12,3 MB"). */
const megabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;

/**
 * A fingerprint of a doc's state: sha-256 of its snapshot (state vector and delete set). Two states
 * of one document with the same fingerprint hold the same items, deleted alike — whatever order
 * the updates came in or how they were merged, which the encoded update bytes would not show.
 */
export function stateFingerprint(doc: Y.Doc): string {
  return createHash('sha256')
    .update(Y.encodeSnapshot(Y.snapshot(doc)))
    .digest('hex');
}

/**
 * Refuses a new version of `document` of about `bytes` when it would break a budget: the
 * per-document rate (429), the per-document count (409) and bytes (413) of versions, and the team's
 * storage (413). Automatic versions can share these budgets by thinning themselves below them.
 */
export async function checkVersionBudget(
  deps: Pick<AppDeps, 'env' | 'stores'>,
  document: DocumentSummary,
  bytes: number,
): Promise<void> {
  const { env, stores } = deps;
  const usage = await stores.versions.usage(document.id, Date.now() - 60_000);
  if (usage.recent >= env.VERSIONS_PER_MINUTE_PER_DOCUMENT) {
    throw new ApiError(
      429,
      'version_rate_limited',
      'Van dit document zijn net al veel versies opgeslagen. Wacht een minuut en probeer het dan opnieuw.',
    );
  }
  if (usage.count >= env.MAX_VERSIONS_PER_DOCUMENT) {
    throw new ApiError(
      409,
      'version_count_quota',
      `Dit document heeft ${usage.count.toLocaleString('nl-NL')} versies, het maximum. Versies blijven ` +
        'bewaard en kunnen niet weg: maak een kopie van het document om verder versies op te slaan, ' +
        'of vraag de beheerder de limiet te verhogen.',
    );
  }
  if (usage.bytes + bytes > env.MAX_VERSION_BYTES_PER_DOCUMENT) {
    throw new ApiError(
      413,
      'version_bytes_quota',
      `De versies van dit document nemen ${megabytes(usage.bytes)} in van de ` +
        `${megabytes(env.MAX_VERSION_BYTES_PER_DOCUMENT)} die een document mag gebruiken. Maak een ` +
        'kopie van het document om verder versies op te slaan, of vraag de beheerder de limiet te verhogen.',
    );
  }
  if (!document.teamId) return;
  const used = await stores.storageUsage.teamBytes(document.teamId);
  if (used + bytes > env.TEAM_STORAGE_MAX_BYTES) {
    throw new ApiError(
      413,
      'team_storage_quota',
      `De opslag van dit team is vol (${megabytes(used)} van ${megabytes(env.TEAM_STORAGE_MAX_BYTES)}). ` +
        'Verwijder documenten die het team niet meer nodig heeft, of vraag de beheerder om meer ruimte.',
    );
  }
}
