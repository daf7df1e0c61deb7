import { ArrowRight, Check, ChevronRight, CircleAlert, Clock, Info, X, type LucideIcon } from 'lucide-react';
import type { RuleId, RuleResult } from '../../../shared/domain/design/rules';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/nl';
import '../../styles/example.css';

const ICONS: Record<RuleResult['status'], LucideIcon> = {
  pass: Check,
  fail: X,
  warn: CircleAlert,
  info: Info,
  pending: Clock,
};

/** Lines of the Handreiking (seed 001) each rule comes from, as DOMAIN.md's rule table cites them. */
const SOURCES: Record<RuleId, string> = {
  R1: '322, 343',
  R2: '322, 344',
  R3: '344',
  R4: '342',
  R5: '345',
  R6: '331–333',
  R7: '325, 335, 348',
  R8: '324, 351–352',
  R9: '283, 327–329',
  R10: '163, 338',
  R11: '126–130',
  R12: '357–359',
  R13: '239–241',
};

/** Message key of a rule status's text label (the colour is never the only signal). */
export function statusLabelKey(status: RuleResult['status']): MessageKey {
  return `design.status.${status}`;
}

/**
 * One rule result as a compact row: status (icon and words) and the rule's short name; the
 * current message, what the rule asks and its source open on demand. `onJump`, when given, adds
 * a button that takes focus to the field the result is about.
 */
export function RuleRow({
  result,
  testId,
  onJump,
}: {
  result: RuleResult;
  testId: string;
  onJump?: (() => void) | undefined;
}) {
  const t = useT();
  const Icon = ICONS[result.status];
  const short = t(`rules.${result.ruleId}.short`);
  return (
    <li
      className={`rule-row rule-row--${result.status}`}
      data-testid={testId}
      data-rule={result.ruleId}
      data-status={result.status}
    >
      <details className="rule-row__details" data-testid="rule-details">
        <summary>
          <ChevronRight aria-hidden="true" className="rule-row__chevron" size={14} />
          <span className={`rule-row__status rule-row__status--${result.status}`}>
            <Icon aria-hidden="true" size={14} />
            {t(statusLabelKey(result.status))}
          </span>
          <span className="rule-row__short">
            <span className="rule-row__id">{result.ruleId}</span> {short}{' '}
            <span className="muted">
              ({t(result.kind === 'must' ? 'design.kindMust' : 'design.kindGuideline')})
            </span>
          </span>
        </summary>
        <div className="rule-row__body">
          <dl>
            {result.message ? (
              <>
                <dt>{t('rules.now')}</dt>
                <dd data-testid="rule-message">{result.message}</dd>
              </>
            ) : null}
            <dt>{t('rules.about')}</dt>
            <dd>{t(`rules.${result.ruleId}.about`)}</dd>
            <dt>{t('rules.source')}</dt>
            <dd>{t('rules.sourceText', { lines: SOURCES[result.ruleId] })}</dd>
          </dl>
        </div>
      </details>
      {onJump ? (
        <button
          type="button"
          className="link-button rule-row__jump"
          onClick={onJump}
          aria-label={`${t('rules.goTo')}: ${result.ruleId} ${short}`}
          title={t('rules.goTo')}
        >
          <ArrowRight aria-hidden="true" size={16} />
        </button>
      ) : null}
    </li>
  );
}
