import type { ReactNode } from 'react';
import type { TemplateChange } from '../../../../shared/domain/template/diff';
import type { Leeruitkomst, TemplateSection } from '../../../../shared/domain/template/types';
import { useT } from '../../../i18n/I18nProvider';
import { outcomeName } from '../../../i18n/templateChanges';

type Field = 'code' | 'title' | 'description' | 'theme' | 'heading' | 'guidance';
type Values = Partial<Record<Field, string>>;

/** One changed item: its values before and after (undefined: absent there) and what changed. */
interface Row {
  key: string;
  name: string;
  fields: Field[];
  before?: Values;
  after?: Values;
  changed: Set<Field>;
}

function outcomeValues(outcome: Leeruitkomst, theme?: string): Values {
  return { code: outcome.code, title: outcome.title, description: outcome.description, theme };
}

function sectionValues(section: TemplateSection): Values {
  return { heading: section.heading, guidance: section.guidance };
}

/** Groups the change list per outcome and per section (an outcome can be changed and moved). */
function buildRows(changes: readonly TemplateChange[], name: (outcome: Leeruitkomst) => string) {
  const outcomes = new Map<string, Row>();
  const sections: Row[] = [];
  const outcomeRow = (outcome: Leeruitkomst): Row => {
    let row = outcomes.get(outcome.id);
    if (!row) {
      row = {
        key: outcome.id,
        name: name(outcome),
        fields: ['code', 'title', 'description'],
        changed: new Set(),
      };
      outcomes.set(outcome.id, row);
    }
    return row;
  };
  for (const change of changes) {
    switch (change.kind) {
      case 'outcome-added': {
        const row = outcomeRow(change.outcome);
        row.after = outcomeValues(change.outcome);
        row.fields.forEach((field) => row.changed.add(field));
        break;
      }
      case 'outcome-removed': {
        const row = outcomeRow(change.outcome);
        row.before = outcomeValues(change.outcome);
        row.fields.forEach((field) => row.changed.add(field));
        break;
      }
      case 'outcome-changed': {
        const row = outcomeRow(change.after);
        row.before = { ...row.before, ...outcomeValues(change.before, row.before?.theme) };
        row.after = { ...row.after, ...outcomeValues(change.after, row.after?.theme) };
        change.fields.forEach((field) => row.changed.add(field));
        break;
      }
      case 'outcome-moved': {
        const row = outcomeRow(change.outcome);
        row.before = { ...outcomeValues(change.outcome), ...row.before, theme: change.fromTheme };
        row.after = { ...outcomeValues(change.outcome), ...row.after, theme: change.toTheme };
        if (!row.fields.includes('theme')) row.fields.push('theme');
        row.changed.add('theme');
        break;
      }
      case 'section-added':
      case 'section-removed':
      case 'section-changed': {
        const before =
          change.kind === 'section-changed'
            ? change.before
            : change.kind === 'section-removed'
              ? change.section
              : undefined;
        const after =
          change.kind === 'section-changed'
            ? change.after
            : change.kind === 'section-added'
              ? change.section
              : undefined;
        const changed = new Set<Field>();
        if (!before || !after || before.heading !== after.heading) changed.add('heading');
        if (!before || !after || before.guidance !== after.guidance) changed.add('guidance');
        sections.push({
          key: (after ?? before)?.id ?? String(sections.length),
          name: (after ?? before)?.heading ?? '',
          fields: ['heading', 'guidance'],
          before: before && sectionValues(before),
          after: after && sectionValues(after),
          changed,
        });
        break;
      }
      default:
        break;
    }
  }
  return { outcomes: [...outcomes.values()], sections };
}

/**
 * Before and after, side by side, for every outcome and section that changed. Changed values are
 * `<del>` (left) and `<ins>` (right) with a visible strike-through / underline and a hidden
 * "weggehaald:" / "nieuw:" for screen readers, and the field name says "gewijzigd" — the marking
 * never rests on colour alone.
 */
export function SideBySide({
  changes,
  fromVersion,
  toVersion,
}: {
  changes: readonly TemplateChange[];
  fromVersion: string;
  toVersion: string;
}) {
  const t = useT();
  const { outcomes, sections } = buildRows(changes, (outcome) => outcomeName(outcome, t));
  if (outcomes.length === 0 && sections.length === 0) {
    return <p className="muted">{t('templateDiff.nothingSideBySide')}</p>;
  }
  return (
    <div className="side-by-side" data-testid="side-by-side">
      {outcomes.length > 0 ? (
        <DiffTable
          caption={t('templateDiff.outcomesTable')}
          rows={outcomes}
          from={fromVersion}
          to={toVersion}
          testId="side-outcome"
        />
      ) : null}
      {sections.length > 0 ? (
        <DiffTable
          caption={t('templateDiff.sectionsTable')}
          rows={sections}
          from={fromVersion}
          to={toVersion}
          testId="side-section"
        />
      ) : null}
    </div>
  );
}

function DiffTable({
  caption,
  rows,
  from,
  to,
  testId,
}: {
  caption: string;
  rows: Row[];
  from: string;
  to: string;
  testId: string;
}) {
  const t = useT();
  return (
    <div className="table-scroll" data-scroll-area role="region" aria-label={caption} tabIndex={0}>
      <table className="diff-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('templateDiff.item')}</th>
            <th scope="col">{t('templateDiff.before', { version: from })}</th>
            <th scope="col">{t('templateDiff.after', { version: to })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={testId} data-id={row.key}>
              <th scope="row">{row.name}</th>
              <td>
                <Side row={row} values={row.before} mark="del" />
              </td>
              <td>
                <Side row={row} values={row.after} mark="ins" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FIELD_LABELS = {
  code: 'templateDiff.field.code',
  title: 'templateDiff.field.title',
  description: 'templateDiff.field.description',
  theme: 'template.theme',
  heading: 'templateDiff.field.heading',
  guidance: 'templateDiff.field.guidance',
} as const;

function Side({ row, values, mark }: { row: Row; values: Values | undefined; mark: 'del' | 'ins' }) {
  const t = useT();
  if (!values) return <p className="diff-absent">{t('templateDiff.absent')}</p>;
  return (
    <dl className="diff-fields">
      {row.fields.map((field) => {
        const changed = row.changed.has(field);
        // "gewijzigd" only where both sides exist; an added or removed item is marked as a whole.
        const badge = changed && row.before !== undefined && row.after !== undefined;
        const raw = values[field] ?? '';
        const text: ReactNode = raw.trim() ? raw : <span className="muted">{t('templateDiff.empty')}</span>;
        const label = t(FIELD_LABELS[field]);
        return (
          <div
            key={field}
            className={changed ? 'diff-fields__item diff-fields__item--changed' : 'diff-fields__item'}
            data-field={field}
            data-changed={changed ? 'true' : undefined}
          >
            <dt>
              {label}
              {badge ? <span className="diff-fields__badge"> ({t('templateDiff.changed')})</span> : null}
            </dt>
            <dd>
              {changed && mark === 'del' ? (
                <del>
                  <span className="visually-hidden">{t('templateDiff.deletedMark')}</span>
                  {text}
                </del>
              ) : changed && mark === 'ins' ? (
                <ins>
                  <span className="visually-hidden">{t('templateDiff.insertedMark')}</span>
                  {text}
                </ins>
              ) : (
                text
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
