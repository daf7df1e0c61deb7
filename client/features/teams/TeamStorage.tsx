import { useId } from 'react';
import { useLoadable } from '../../api/useLoadable';
import { useByteFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { getTeamStorage } from './teamsApi';

/**
 * "Opslag: 12,3 MB van 2 GB" with a meter: what the team's documents and versions take against the
 * quota a new version must fit in. Nothing while it loads or when it cannot be read.
 */
export function TeamStorage({ teamId, version }: { teamId: string; version: number }) {
  const t = useT();
  const formatBytes = useByteFormat();
  const meterId = useId();
  const storage = useLoadable(teamId, getTeamStorage, version);
  if (storage.state.status !== 'ready') return null;
  const { usedBytes, quotaBytes } = storage.state.data;
  return (
    <p className="team-storage" data-testid="team-storage">
      <label htmlFor={meterId}>
        {t('team.storage', { used: formatBytes(usedBytes), quota: formatBytes(quotaBytes) })}
      </label>{' '}
      {/* A meter, not a progress bar: a level within a range, nothing that completes. Nearly full
          (90 %) shows in the browser's warning colour. */}
      <meter id={meterId} min={0} max={quotaBytes} value={usedBytes} high={quotaBytes * 0.9} />
    </p>
  );
}
