import { useId } from 'react';
import type { DesignChange, RuleChange } from '../../../shared/domain/versions/structuredDiff';
import type { SectionDiff } from '../../../shared/domain/versions/diff';
import type { DiffPart } from '../../../shared/domain/versions/textDiff';
import { TemplateChangeList } from '../templates/TemplateChangeList';
import type { VersionDiff } from './versionsApi';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';

type T = ReturnType<typeof useT>;

/** Outcome codes and titles by id (from a leerarrangement's projection). */
export type OutcomeNames = Record<string, { code: string; title: string }>;

/** One run of a word diff: kept text plain, insertions and deletions marked with a spoken prefix. */
function Part({ part, t }: { part: DiffPart; t: T }) {
  if (part.type === 'insert')
    return (
      <ins className="diff-ins" data-testid="diff-insert">
        <span className="visually-hidden">[{t('diff.inserted')} </span>
        {part.text}
        <span className="visually-hidden"> ({t('diff.insertEnd')})]</span>
      </ins>
    );
  if (part.type === 'delete')
    return (
      <del className="diff-del" data-testid="diff-delete">
        <span className="visually-hidden">[{t('diff.deleted')} </span>
        {part.text}
        <span className="visually-hidden"> ({t('diff.deleteEnd')})]</span>
      </del>
    );
  return <span>{part.text}</span>;
}

function SectionBlock({ section, t }: { section: SectionDiff; t: T }) {
  const headingId = useId();
  return (
    <section
      className={`diff-section diff-section--${section.status}`}
      aria-labelledby={headingId}
      data-testid="diff-section"
      data-status={section.status}
    >
      <h5 id={headingId}>
        {section.heading || t('versions.none')}{' '}
        <span className="badge">{t(`diff.status.${section.status}` as MessageKey)}</span>
      </h5>
      <p className="diff-text">
        {section.parts.length === 0 ? (
          <span className="muted">{t('versions.emptyText')}</span>
        ) : (
          section.parts.map((part, index) => <Part key={index} part={part} t={t} />)
        )}
      </p>
    </section>
  );
}

/** A plain rendering of a structured value ("po, vo", "verticaal (stap 2)", "—"). */
export function valueText(value: unknown, t: T): string {
  if (value === null || value === undefined || value === '') return t('versions.none');
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(item, t)).join(', ') : '—';
  if (typeof value === 'object') {
    const placement = value as { type?: string; position?: number | null; learningForm?: string | null };
    if (placement.type) {
      const detail = placement.position ?? placement.learningForm;
      return detail ? `${placement.type} (${detail})` : placement.type;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function outcomeName(id: string, outcomes: OutcomeNames): string {
  const outcome = outcomes[id];
  return outcome ? `${outcome.code} ${outcome.title}` : id;
}

/** One structured change as a sentence. */
export function describeDesignChange(change: DesignChange, outcomes: OutcomeNames, t: T): string {
  switch (change.kind) {
    case 'outcome-added':
      return t('diff.outcomeAdded', { outcome: outcomeName(change.outcomeId, outcomes) });
    case 'outcome-removed':
      return t('diff.outcomeRemoved', { outcome: outcomeName(change.outcomeId, outcomes) });
    case 'field-changed':
      return t('diff.fieldChanged', {
        field: t(`diff.field.${change.field}` as MessageKey),
        before: valueText(change.before, t),
        after: valueText(change.after, t),
      });
    case 'activity-added':
      return t('diff.activityAdded', { title: change.activity.title || t('design.activityUntitled') });
    case 'activity-removed':
      return t('diff.activityRemoved', { title: change.activity.title || t('design.activityUntitled') });
    case 'activity-changed':
      return t('diff.activityChanged', {
        title: change.after.title || t('design.activityUntitled'),
        fields: change.fields.join(', '),
      });
    case 'activities-reordered':
      return t('diff.activitiesReordered');
    case 'evidence-changed':
      return t('diff.evidenceChanged', { outcome: outcomeName(change.outcomeId, outcomes) });
  }
}

function ruleStatus(status: RuleChange['before'], t: T): string {
  return status ? t(`design.status.${status}` as MessageKey) : t('diff.ruleAbsent');
}

/**
 * A comparison as a track-changes view: per section the word diff with insertions (`<ins>`) and
 * deletions (`<del>`) marked by style and by a spoken prefix, unchanged sections collapsed, then
 * the structured changes and the rule results that changed.
 */
export function DiffView({ diff, outcomes = {} }: { diff: VersionDiff; outcomes?: OutcomeNames }) {
  const t = useT();
  const textId = useId();
  const structuredId = useId();
  const rulesId = useId();
  const templateId = useId();
  const changed = diff.sections.filter((section) => section.status !== 'unchanged');
  const unchanged = diff.sections.filter((section) => section.status === 'unchanged');
  const structured = diff.designChanges;
  return (
    <div className="diff-view" data-testid="version-diff">
      <section aria-labelledby={textId}>
        <h4 id={textId}>{t('diff.sections')}</h4>
        <p className="muted">{t('diff.legend')}</p>
        {changed.length === 0 ? <p data-testid="diff-no-text">{t('diff.noTextChanges')}</p> : null}
        {changed.map((section) => (
          <SectionBlock key={section.id} section={section} t={t} />
        ))}
        {unchanged.length > 0 ? (
          <details className="diff-unchanged" data-testid="diff-unchanged">
            <summary>{t('diff.unchanged', { count: unchanged.length })}</summary>
            {unchanged.map((section) => (
              <SectionBlock key={section.id} section={section} t={t} />
            ))}
          </details>
        ) : null}
      </section>
      {diff.templateChanges.length > 0 ? (
        <section aria-labelledby={templateId}>
          <h4 id={templateId}>{t('diff.structured')}</h4>
          <TemplateChangeList changes={diff.templateChanges} labelledBy={templateId} />
        </section>
      ) : (
        <section aria-labelledby={structuredId}>
          <h4 id={structuredId}>{t('diff.structured')}</h4>
          {structured.length === 0 ? (
            <p>{t('diff.noStructured')}</p>
          ) : (
            <ul className="change-list" data-testid="diff-structured">
              {structured.map((change, index) => (
                <li key={index}>{describeDesignChange(change, outcomes, t)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby={rulesId}>
        <h4 id={rulesId}>{t('diff.rules')}</h4>
        {diff.ruleChanges.length === 0 ? (
          <p>{t('diff.noRules')}</p>
        ) : (
          <ul className="change-list" data-testid="diff-rules">
            {diff.ruleChanges.map((change, index) => (
              <li key={index}>
                {t('diff.ruleChange', {
                  rule: change.ruleId,
                  before: ruleStatus(change.before, t),
                  after: ruleStatus(change.after, t),
                })}
                {change.message ? ` — ${change.message}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
