import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';

/** A criterion while it is edited; `key` keeps React's rows stable across moves. */
export interface EditableCriterion {
  key: string;
  id?: string;
  title: string;
}

let nextKey = 0;
export function newCriterion(title: string, id?: string): EditableCriterion {
  nextKey += 1;
  return { key: `criterion-${nextKey}`, title, ...(id ? { id } : {}) };
}

/** The guiding criteria of a round: edit, add, remove and reorder (buttons, so keyboard works). */
export function CriteriaEditor({
  criteria,
  onChange,
  error,
}: {
  criteria: EditableCriterion[];
  onChange: (next: EditableCriterion[]) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const legendId = useId();
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  const focusRow = (index: number, selector: string) =>
    requestAnimationFrame(() => {
      const row = listRef.current?.children[index];
      (row?.querySelector(selector) as HTMLElement | null)?.focus();
    });

  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= criteria.length) return;
    const next = [...criteria];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(target, 0, item);
    onChange(next);
    setAnnouncement(t('rounds.criterionMoved', { title: item.title, position: target + 1 }));
    focusRow(target, delta < 0 ? '[data-move="up"]' : '[data-move="down"]');
  };

  return (
    <fieldset className="criteria-editor" aria-labelledby={legendId} data-testid="criteria-editor">
      <legend id={legendId}>{t('rounds.criteria')}</legend>
      <p className="field__hint">{t('rounds.criteriaHint')}</p>
      <ol ref={listRef} className="criteria-editor__list">
        {criteria.map((criterion, index) => (
          <li key={criterion.key} className="criteria-editor__row" data-testid="criterion-row">
            <div className="field">
              <label htmlFor={`${legendId}-${criterion.key}`}>
                {t('rounds.criterionLabel', { n: index + 1 })}
              </label>
              <input
                id={`${legendId}-${criterion.key}`}
                type="text"
                maxLength={200}
                value={criterion.title}
                data-testid="criterion-title"
                onChange={(event) =>
                  onChange(
                    criteria.map((item) =>
                      item.key === criterion.key ? { ...item, title: event.target.value } : item,
                    ),
                  )
                }
              />
            </div>
            <div className="button-row criteria-editor__tools">
              <button
                type="button"
                className="button button--small"
                data-move="up"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                {t('rounds.moveUp')}
                <span className="visually-hidden"> {criterion.title}</span>
              </button>
              <button
                type="button"
                className="button button--small"
                data-move="down"
                disabled={index === criteria.length - 1}
                onClick={() => move(index, 1)}
              >
                {t('rounds.moveDown')}
                <span className="visually-hidden"> {criterion.title}</span>
              </button>
              <button
                type="button"
                className="button button--small"
                data-testid="criterion-remove"
                disabled={criteria.length <= 1}
                onClick={() => {
                  onChange(criteria.filter((item) => item.key !== criterion.key));
                  setAnnouncement(t('rounds.criterionRemoved', { title: criterion.title }));
                  focusRow(Math.max(0, index - 1), 'input');
                }}
              >
                {t('rounds.removeCriterion')}
                <span className="visually-hidden"> {criterion.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        data-testid="criterion-add"
        onClick={() => {
          onChange([...criteria, newCriterion('')]);
          focusRow(criteria.length, 'input');
        }}
      >
        {t('rounds.addCriterion')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </fieldset>
  );
}
