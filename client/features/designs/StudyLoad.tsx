import { useId } from 'react';
import type { studyLoad } from '../../../shared/domain/design/rules';
import { ACTIVITY_KINDS, LEARNING_MODES } from '../../../shared/domain/design/types';
import { useNumberFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

type Load = ReturnType<typeof studyLoad>;

function Bars({
  title,
  rows,
  max,
  format,
}: {
  title: string;
  rows: Array<{ label: string; hours: number }>;
  max: number;
  format: (hours: number) => string;
}) {
  const headingId = useId();
  return (
    <div className="bars">
      <h3 id={headingId}>{title}</h3>
      {/* The numbers are in the bar labels and in the table below: the bars add the picture. */}
      <ul className="bars__list" aria-labelledby={headingId}>
        {rows.map((row) => (
          <li key={row.label} className="bars__row">
            <span className="bars__label">{row.label}</span>
            <span className="bars__track" aria-hidden="true">
              <span className="bars__fill" style={{ width: `${max > 0 ? (row.hours / max) * 100 : 0}%` }} />
            </span>
            <span className="bars__value">{format(row.hours)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Hours per activity kind and per mode as bars, the same numbers in a table, total vs ECTS × 28. */
export function StudyLoad({ load, hoursPerEcts }: { load: Load; hoursPerEcts: number }) {
  const t = useT();
  const headingId = useId();
  const number = useNumberFormat();
  const hours = (value: number) => t('design.hoursValue', { hours: number(value) });
  const byKind = ACTIVITY_KINDS.filter((kind) => load.byKind[kind] !== undefined).map((kind) => ({
    label: t(`design.kind.${kind}` as MessageKey),
    hours: load.byKind[kind] ?? 0,
  }));
  const byMode = LEARNING_MODES.filter((mode) => load.byMode[mode] !== undefined).map((mode) => ({
    label: t(`design.mode.${mode}` as MessageKey),
    hours: load.byMode[mode] ?? 0,
  }));
  const max = Math.max(0, ...byKind.map((row) => row.hours), ...byMode.map((row) => row.hours));
  return (
    <section className="card side-card study-load" aria-labelledby={headingId} data-testid="study-load">
      <h2 id={headingId}>{t('design.load')}</h2>
      {load.totalHours === 0 ? <p className="muted">{t('design.loadNone')}</p> : null}
      {byKind.length > 0 ? (
        <Bars title={t('design.loadByKind')} rows={byKind} max={max} format={hours} />
      ) : null}
      {byMode.length > 0 ? (
        <Bars title={t('design.loadByMode')} rows={byMode} max={max} format={hours} />
      ) : null}
      <table className="data-table" data-testid="study-load-table">
        <caption>{t('design.loadTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('design.loadCategory')}</th>
            <th scope="col">{t('design.loadHours')}</th>
          </tr>
        </thead>
        <tbody>
          {[...byKind, ...byMode].map((row, index) => (
            <tr key={`${index}-${row.label}`}>
              <th scope="row">{row.label}</th>
              <td>{number(row.hours)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('design.loadTotal')}</th>
            <td data-testid="load-total">{number(load.totalHours)}</td>
          </tr>
          <tr>
            <th scope="row">{t('design.loadStated', { hours: hoursPerEcts })}</th>
            <td data-testid="load-stated">
              {load.statedHours === null ? t('design.loadNotStated') : number(load.statedHours)}
            </td>
          </tr>
          {load.differenceHours !== null ? (
            <tr>
              <th scope="row">{t('design.loadDifference')}</th>
              <td>{number(load.differenceHours)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
