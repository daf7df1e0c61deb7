import { useId } from 'react';
import type { TemplateContent, Rubric } from '../../../../shared/domain/template/types';
import { PlainText } from '../../../ui/PlainText';
import { RichTextView } from '../../../ui/RichTextView';
import { useT } from '../../../i18n/I18nProvider';

/** The body of a published version: description, outcomes by theme, rubric, suggestions, sections. */
export function TemplateContentView({ content }: { content: TemplateContent }) {
  const t = useT();
  const descriptionId = useId();
  const outcomesId = useId();
  const suggestionsId = useId();
  const sectionsId = useId();
  return (
    <div className="template-content">
      {content.description.trim() ? (
        <section className="page-section" aria-labelledby={descriptionId}>
          <h2 id={descriptionId}>{t('version.description')}</h2>
          <RichTextView rich={content.rich?.description} text={content.description} />
        </section>
      ) : null}

      <section className="page-section" aria-labelledby={outcomesId}>
        <h2 id={outcomesId}>{t('version.outcomes')}</h2>
        {content.themes.map((theme) => (
          <section key={theme.id} className="theme-view" data-testid="version-theme">
            <h3>{theme.title}</h3>
            {theme.outcomes.length === 0 ? (
              <p className="muted">{t('version.noOutcomes')}</p>
            ) : (
              <ul className="outcome-list">
                {theme.outcomes.map((outcome) => (
                  <li
                    key={outcome.id}
                    className="outcome-view"
                    data-testid="version-outcome"
                    data-outcome-id={outcome.id}
                  >
                    <p className="outcome-view__title">
                      <span className="outcome-view__code">{outcome.code}</span> {outcome.title}
                    </p>
                    {outcome.description.trim() ? (
                      <PlainText text={outcome.description} className="outcome-view__description" />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </section>

      {content.rubric ? <RubricTable rubric={content.rubric} /> : null}

      {content.suggestions.trim() ? (
        <section className="page-section" aria-labelledby={suggestionsId}>
          <h2 id={suggestionsId}>{t('version.suggestions')}</h2>
          <RichTextView rich={content.rich?.suggestions} text={content.suggestions} />
        </section>
      ) : null}

      <section className="page-section" aria-labelledby={sectionsId}>
        <h2 id={sectionsId}>{t('version.sections')}</h2>
        <p className="muted">{t('version.sectionsIntro')}</p>
        <dl className="section-guides">
          {content.sections.map((section) => (
            <div key={section.id} className="section-guides__item" data-testid="version-section">
              <dt>{section.heading}</dt>
              <dd>{section.guidance}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

/**
 * The rubric as a data table: growth levels are column headers, each dimension a row group
 * (`scope="rowgroup"`) and each sub-dimension a row header, so a screen reader names dimension,
 * sub-dimension and level for every cell. Wide tables scroll inside a focusable region.
 */
function RubricTable({ rubric }: { rubric: Rubric }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('version.rubric')}</h2>
      <div
        className="table-scroll"
        data-scroll-area
        role="region"
        aria-label={t('version.rubricRegion')}
        tabIndex={0}
      >
        <table className="rubric-table" data-testid="rubric-table">
          <caption className="visually-hidden">{t('version.rubricCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('version.dimension')}</th>
              <th scope="col">{t('version.subdimension')}</th>
              {rubric.levels.map((level, index) => (
                <th key={index} scope="col">
                  {level}
                </th>
              ))}
            </tr>
          </thead>
          {rubric.dimensions.map((dimension) => (
            <tbody key={dimension.id}>
              {dimension.subdimensions.length === 0 ? (
                <tr>
                  <th scope="rowgroup" className="rubric-table__dimension">
                    {dimension.title}
                  </th>
                  <td colSpan={rubric.levels.length + 1} />
                </tr>
              ) : null}
              {dimension.subdimensions.map((sub, subIndex) => (
                <tr key={sub.id}>
                  {subIndex === 0 ? (
                    <th
                      scope="rowgroup"
                      rowSpan={dimension.subdimensions.length}
                      className="rubric-table__dimension"
                    >
                      {dimension.title}
                    </th>
                  ) : null}
                  <th scope="row">{sub.title}</th>
                  {rubric.levels.map((_level, index) => (
                    <td key={index}>{sub.descriptors[index] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
