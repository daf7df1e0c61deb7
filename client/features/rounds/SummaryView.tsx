import { useId } from 'react';
import { TRIAGE_DECISIONS, type RoundSummary, type SummaryItem } from '../../../shared/schemas/rounds';
import { REVIEWER_PERSPECTIVES } from '../../../shared/domain/design/feedback';
import { summaryFileUrl } from './roundsApi';
import { usePerspectiveLabel } from './PerspectiveField';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import { Download, Printer } from 'lucide-react';

/** The decision of a triaged item as words. */
export function decisionKey(decision: string): MessageKey {
  return `rounds.decision.${decision}` as MessageKey;
}

/** What the item was: the quoted text of a comment, or the criterion of an answer. */
export function ItemContext({ item }: { item: SummaryItem }) {
  const t = useT();
  const perspectiveLabel = usePerspectiveLabel();
  return (
    <>
      <p className="summary-item__kind muted">
        {item.kind === 'comment' ? t('rounds.itemComment') : t('rounds.itemResponse')}
        {item.author ? ` · ${item.author.name}` : ''}
        {item.perspective ? (
          <span data-testid="item-perspective" data-perspective={item.perspective}>
            {' '}
            · {t('quality.perspective.label')}: {perspectiveLabel(item.perspective)}
          </span>
        ) : null}
      </p>
      {item.context ? (
        item.kind === 'comment' ? (
          <blockquote className="summary-item__quote">{item.context}</blockquote>
        ) : (
          <p className="summary-item__criterion">
            <strong>{item.context}</strong>
          </p>
        )
      ) : null}
      <p className="prewrap summary-item__text">{item.text}</p>
      {item.replies > 0 ? <p className="muted">{t('rounds.replies', { count: item.replies })}</p> : null}
    </>
  );
}

/** How many reviewers sent their feedback, per perspective they stated (rule R13 reads this). */
function PerspectiveCounts({ perspectives }: { perspectives: RoundSummary['perspectives'] }) {
  const t = useT();
  const label = usePerspectiveLabel();
  const stated = REVIEWER_PERSPECTIVES.filter((perspective) => perspectives[perspective] > 0);
  return (
    <p data-testid="summary-perspectives">
      {t('quality.perspectives.heading')}:{' '}
      {stated.length === 0
        ? t('quality.perspectives.none')
        : stated.map((perspective) => `${label(perspective)}: ${perspectives[perspective]}`).join(' · ')}
    </p>
  );
}

/**
 * The round summary: every item with what happened to it (decision, reason, the version it was
 * handled in), the counts, and the exports (Markdown download, print view for PDF).
 */
export function SummaryView({ summary, headingLevel = 2 }: { summary: RoundSummary; headingLevel?: 2 | 3 }) {
  const t = useT();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  const { counts, round } = summary;
  return (
    <section aria-labelledby={headingId} className="page-section round-summary" data-testid="round-summary">
      <Heading id={headingId}>{t('rounds.summary')}</Heading>
      <p data-testid="summary-counts">
        {t('rounds.summaryCounts', { triaged: counts.triaged, total: counts.total })}{' '}
        {TRIAGE_DECISIONS.map((decision) => `${t(decisionKey(decision))}: ${counts[decision]}`).join(' · ')}
      </p>
      <PerspectiveCounts perspectives={summary.perspectives} />
      <p className="button-row">
        <a className="button" href={summaryFileUrl(round.id, 'md')} download data-testid="summary-md">
          <Download aria-hidden="true" />
          {t('rounds.exportMd')}
        </a>
        <a
          className="button"
          href={summaryFileUrl(round.id, 'html')}
          target="_blank"
          rel="noopener"
          data-testid="summary-html"
        >
          <Printer aria-hidden="true" />
          {t('rounds.exportPdf')}
          <span className="visually-hidden"> {t('rounds.opensNewTab')}</span>
        </a>
      </p>
      {summary.items.length === 0 ? (
        <p className="muted">{t('rounds.noItems')}</p>
      ) : (
        <ol className="summary-list">
          {summary.items.map((item, index) => (
            <li key={`${item.kind}:${item.id}`} className="summary-item card" data-testid="summary-item">
              <ItemHeading className="visually-hidden">{t('rounds.itemN', { n: index + 1 })}</ItemHeading>
              <ItemContext item={item} />
              {item.triage ? (
                <div
                  className="summary-item__decision"
                  data-testid="summary-decision"
                  data-decision={item.triage.decision}
                >
                  <p>
                    <span className={`badge decision decision--${item.triage.decision}`}>
                      {t(decisionKey(item.triage.decision))}
                    </span>
                    {item.triage.version ? (
                      <span className="muted">
                        {' '}
                        · {t('rounds.handledIn', { label: item.triage.version.label })}
                      </span>
                    ) : null}
                  </p>
                  <p className="prewrap">{item.triage.reason}</p>
                </div>
              ) : (
                <p className="muted" data-testid="summary-untriaged">
                  {t('rounds.untriaged')}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
