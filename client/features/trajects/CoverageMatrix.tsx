import type { TrajectDetail } from '../designs/designsApi';
import { useT } from '../../i18n/I18nProvider';

/** Leeruitkomsten × leerarrangementen as a table; gaps say "niet gedekt" in words, not colour only. */
export function CoverageMatrix({ data }: { data: TrajectDetail }) {
  const t = useT();
  return (
    <div
      className="table-scroll"
      data-scroll-area
      tabIndex={0}
      role="region"
      aria-label={t('traject.matrix')}
    >
      <table className="data-table coverage-matrix" data-testid="coverage-matrix">
        <caption>{t('traject.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('traject.outcome')}</th>
            {data.items.map((item) => (
              <th scope="col" key={item.designId}>
                {item.title || t('design.untitled')}
              </th>
            ))}
            <th scope="col">{t('traject.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {data.matrix.map((row) => {
            const gap = row.coveredBy.length === 0;
            return (
              <tr
                key={row.outcome.id}
                className={gap ? 'coverage-matrix__gap' : undefined}
                data-testid="matrix-row"
              >
                <th scope="row">
                  <strong>{row.outcome.code}</strong> {row.outcome.title}
                </th>
                {data.items.map((item) => {
                  const covered = row.coveredBy.includes(item.designId);
                  return (
                    <td
                      key={item.designId}
                      className={covered ? 'coverage-matrix__yes' : undefined}
                      data-testid="matrix-cell"
                      data-outcome-id={row.outcome.id}
                      data-design-id={item.designId}
                      data-covered={covered ? 'true' : 'false'}
                    >
                      {covered ? (
                        <>
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">{t('traject.covered')}</span>
                        </>
                      ) : (
                        <span className="visually-hidden">{t('traject.cellNo')}</span>
                      )}
                    </td>
                  );
                })}
                <td
                  data-testid="matrix-status"
                  data-outcome-id={row.outcome.id}
                  className={gap ? 'coverage-matrix__missing' : undefined}
                >
                  {gap ? (
                    <strong>
                      <span aria-hidden="true">✗ </span>
                      {t('traject.notCovered')}
                    </strong>
                  ) : (
                    t('traject.coveredBy', { count: row.coveredBy.length })
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const CELL = 28;
const LABEL = 90;
const HEAD = 28;

/** The same grid as an SVG picture, with a text summary as its accessible name. */
export function CoveragePicture({ data }: { data: TrajectDetail }) {
  const t = useT();
  const gaps = data.matrix.filter((row) => row.coveredBy.length === 0);
  const width = LABEL + Math.max(1, data.items.length) * CELL + 4;
  const height = HEAD + data.matrix.length * CELL + 4;
  const label = t('traject.pictureLabel', {
    covered: data.matrix.length - gaps.length,
    total: data.matrix.length,
    designs: data.items.length,
    gaps: gaps.length > 0 ? gaps.map((row) => row.outcome.code).join(', ') : t('traject.pictureNone'),
  });
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="matrix-picture"
      className="coverage-picture"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      {data.items.map((item, column) => (
        <text
          key={item.designId}
          x={LABEL + column * CELL + CELL / 2}
          y={HEAD - 8}
          textAnchor="middle"
          fontSize="12"
        >
          {column + 1}
        </text>
      ))}
      {data.matrix.map((row, index) => {
        const y = HEAD + index * CELL;
        const gap = row.coveredBy.length === 0;
        return (
          <g key={row.outcome.id}>
            <text x={4} y={y + CELL / 2 + 4} fontSize="12" fontWeight={gap ? 'bold' : 'normal'}>
              {gap ? `✗ ${row.outcome.code}` : row.outcome.code}
            </text>
            {data.items.map((item, column) => {
              const covered = row.coveredBy.includes(item.designId);
              return (
                <g key={item.designId}>
                  <rect
                    x={LABEL + column * CELL}
                    y={y}
                    width={CELL - 2}
                    height={CELL - 2}
                    className={
                      covered
                        ? 'coverage-picture__yes'
                        : gap
                          ? 'coverage-picture__gap'
                          : 'coverage-picture__no'
                    }
                  />
                  {covered ? (
                    <text
                      x={LABEL + column * CELL + CELL / 2 - 1}
                      y={y + CELL / 2 + 4}
                      textAnchor="middle"
                      fontSize="14"
                    >
                      ✓
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
