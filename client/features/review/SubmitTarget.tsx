import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { getCommittees, type Committees } from './reviewApi';

/**
 * Which toetsingscommissie a design is submitted to: nothing to choose with one (the server takes
 * it), a choice with several, a notice with none.
 */
export function SubmitTarget({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const t = useT();
  const id = useId();
  const [committees, setCommittees] = useState<Committees['committees'] | null>(null);
  useEffect(() => {
    let cancelled = false;
    getCommittees()
      .then((result) => {
        if (!cancelled) setCommittees(result.committees);
      })
      .catch(() => {
        // The move itself then says what is wrong (no committee, or choose one).
        if (!cancelled) setCommittees([]);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  if (committees === null) return <p className="muted">{t('review.committeesLoading')}</p>;
  if (committees.length === 0) return <p className="field__hint">{t('review.noCommittee')}</p>;
  if (committees.length === 1) return <p>{`${t('lifecycle.reviewTeam')}: ${committees[0]!.name}`}</p>;
  return (
    <div className="field">
      <label htmlFor={id}>{t('lifecycle.reviewTeam')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="review-team-select"
      >
        <option value="">—</option>
        {committees.map((committee) => (
          <option key={committee.id} value={committee.id}>
            {committee.name}
          </option>
        ))}
      </select>
    </div>
  );
}
