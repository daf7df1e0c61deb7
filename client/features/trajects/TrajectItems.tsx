import { useId, useState } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { setTrajectItems } from '../designs/designsApi';
import { toApiError, type ApiError } from '../../api/request';
import { useLoadable } from '../../api/useLoadable';
import { useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { catalogEntryPath, designPath } from '../../app/router';
import { StatusBadge } from '../designs/LifecyclePanel';
import { ItemButton } from '../../ui/ListItemButton';
import type { TrajectView as TrajectData } from './trajectsApi';
import { TrajectAgreement } from './TrajectAgreement';
import { candidatesKey, catalogDesigns, teamDesigns, type Candidate } from './trajectCandidates';
import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';

type ItemChoice = { designId: string; alternativeGroup: string | null };

/**
 * The traject's leerarrangementen in order, with their facts. While not `frozen`: an alternative
 * group per item, move and remove, and add the team's designs or other teams' from the catalog.
 */
export function TrajectItems({
  data,
  frozen,
  canRecordAgreements,
  onSaved,
}: {
  data: TrajectData;
  frozen: boolean;
  /** Whether the caller (the owner) records agreements with other providers (R9). */
  canRecordAgreements: boolean;
  /** The server's traject after a change of the items. */
  onSaved: (data: TrajectData) => void;
}) {
  const t = useT();
  const number = useNumberFormat();
  const itemsId = useId();
  const availableId = useId();
  const catalogId = useId();
  const key = candidatesKey(data.teamId, data.templateVersionId);
  const available = useLoadable(key, teamDesigns);
  const fromCatalog = useLoadable(key, catalogDesigns);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [groups, setGroups] = useState<Record<string, string>>({});

  const save = async (items: ItemChoice[]) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved((await setTrajectItems(data.id, items)) as TrajectData);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const current: ItemChoice[] = data.items.map((item) => ({
    designId: item.designId,
    alternativeGroup: item.alternativeGroup,
  }));
  const inTraject = new Set(current.map((item) => item.designId));
  const candidates =
    available.state.status === 'ready'
      ? available.state.data.filter((design) => !inTraject.has(design.id))
      : [];
  const catalogCandidates =
    fromCatalog.state.status === 'ready'
      ? fromCatalog.state.data.filter((design) => !inTraject.has(design.id))
      : [];
  const candidateList = (list: Candidate[], testId: string, labelledBy: string) => (
    <ul className="item-list" aria-labelledby={labelledBy} data-testid={testId}>
      {list.map((design) => {
        const name = design.title || t('design.untitled');
        return (
          <li key={design.id} className="item-list__item">
            <span className="item-list__title">{name}</span>
            {design.teamName ? (
              <span className="item-list__meta" data-testid="traject-from-team">
                {t('traject.fromTeam', { team: design.teamName })}
              </span>
            ) : null}
            <ItemButton
              label={t('traject.add')}
              icon={<Plus aria-hidden="true" />}
              context={name}
              disabled={busy}
              data-testid="traject-add"
              onClick={() => void save([...current, { designId: design.id, alternativeGroup: null }])}
            />
          </li>
        );
      })}
    </ul>
  );
  const move = (index: number, delta: -1 | 1) => {
    const next = [...current];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    void save(next);
  };

  return (
    <section className="page-section" aria-labelledby={itemsId}>
      <h2 id={itemsId}>{t('traject.items')}</h2>
      <p className="field__hint">{t('traject.itemsHint')}</p>
      {data.items.length === 0 ? <p className="empty-state">{t('traject.itemsEmpty')}</p> : null}
      <ol className="item-list" data-testid="traject-items">
        {data.items.map((item, index) => {
          const name = item.title || t('design.untitled');
          const groupValue = groups[item.designId] ?? item.alternativeGroup ?? '';
          return (
            <li key={item.designId} className="item-list__item traject-item" data-testid="traject-item">
              <Link
                to={item.source === 'catalog' ? catalogEntryPath(item.designId) : designPath(item.designId)}
                className="item-list__title"
              >
                {name}
              </Link>
              {item.source === 'catalog' && item.teamName ? (
                <span className="item-list__meta" data-testid="traject-from-team">
                  {t('traject.fromTeam', { team: item.teamName })}
                </span>
              ) : null}
              <span className="item-list__meta">
                {t('traject.outcomes', { count: item.targetedOutcomeIds.length })} ·{' '}
                {item.ects === null ? '—' : `${number(item.ects)} ECTS`} ·{' '}
                {t('design.hoursValue', { hours: number(item.hours) })} · <StatusBadge status={item.status} />
              </span>
              {item.teamId && item.teamId !== data.teamId ? (
                <TrajectAgreement
                  data={data}
                  item={item}
                  canRecord={canRecordAgreements && !frozen}
                  onSaved={onSaved}
                />
              ) : null}
              {frozen ? null : (
                <div className="traject-item__actions">
                  <label className="inline-label">
                    {t('traject.group')} <span className="muted">({t('traject.groupHint')})</span>
                    <input
                      type="text"
                      maxLength={100}
                      value={groupValue}
                      data-testid="traject-group"
                      onChange={(event) => setGroups({ ...groups, [item.designId]: event.target.value })}
                      onBlur={() => {
                        const value = groupValue.trim() || null;
                        if (value === item.alternativeGroup) return;
                        void save(
                          current.map((entry) =>
                            entry.designId === item.designId ? { ...entry, alternativeGroup: value } : entry,
                          ),
                        );
                      }}
                    />
                  </label>
                  <ItemButton
                    label={t('design.up')}
                    icon={<ArrowUp aria-hidden="true" />}
                    context={name}
                    disabled={index === 0 || busy}
                    onClick={() => move(index, -1)}
                  />
                  <ItemButton
                    label={t('design.down')}
                    icon={<ArrowDown aria-hidden="true" />}
                    context={name}
                    disabled={index === data.items.length - 1 || busy}
                    onClick={() => move(index, 1)}
                  />
                  <ItemButton
                    label={t('traject.remove')}
                    icon={<X aria-hidden="true" />}
                    className="button button--small button--danger"
                    context={name}
                    disabled={busy}
                    data-testid="traject-remove"
                    onClick={() => void save(current.filter((entry) => entry.designId !== item.designId))}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {frozen ? null : (
        <>
          <h3 id={availableId}>{t('traject.available')}</h3>
          {available.state.status === 'ready' && candidates.length === 0 ? (
            <p className="muted">{t('traject.availableEmpty')}</p>
          ) : null}
          {candidateList(candidates, 'traject-available', availableId)}
          <h3 id={catalogId}>{t('traject.availableCatalog')}</h3>
          {fromCatalog.state.status === 'ready' && catalogCandidates.length === 0 ? (
            <p className="muted">{t('traject.availableCatalogEmpty')}</p>
          ) : null}
          {candidateList(catalogCandidates, 'traject-available-catalog', catalogId)}
        </>
      )}
      {busy ? <p role="status">{t('traject.saving')}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
