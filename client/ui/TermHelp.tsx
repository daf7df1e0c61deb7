import { CircleHelp } from 'lucide-react';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/nl';
import '../styles/example.css';

/**
 * The seeds' terms, question and short answer each: the one source of these help texts (the
 * landing page, the first steps and every page heading that uses a term read them from here).
 */
const TERMS = {
  // 001 l.70–74, 291–304, 345 (DOMAIN.md "Ontwikkelpad").
  ontwikkelpad: ['welcome.term.ontwikkelpad', 'welcome.term.ontwikkelpadText'],
  // 001 l.340–359, 337 (DOMAIN.md "Leerarrangement").
  leerarrangement: ['welcome.term.leerarrangement', 'welcome.term.leerarrangementText'],
  // DOMAIN.md "Rules a design is checked against" (001 l.239–241, 322–359).
  rules: ['welcome.term.rules', 'welcome.term.rulesText'],
  // 001 l.316–330.
  traject: ['term.traject', 'term.trajectText'],
  // 001 l.239–241; 002 l.388, 456 (systematic, not a gathering or a checklist).
  feedbackronde: ['term.feedbackronde', 'term.feedbackrondeText'],
  // 001 l.147–164.
  cocreatieteam: ['term.cocreatieteam', 'term.cocreatieteamText'],
  // 001 l.263–273; 000 l.1394.
  toetsingscommissie: ['term.toetsingscommissie', 'term.toetsingscommissieText'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** A term of the seeds that has a help text. */
export type Term = keyof typeof TERMS;

/** "Wat is een ontwikkelpad?": a disclosure with the seeds' short answer, opened by click or keyboard. */
export function TermHelp({ term, inline = true }: { term: Term; inline?: boolean }) {
  const t = useT();
  const [question, answer] = TERMS[term];
  return (
    <details
      className={inline ? 'term-help term-help--inline' : 'term-help'}
      data-testid="term-help"
      data-term={term}
    >
      <summary>
        {inline ? <CircleHelp aria-hidden="true" className="term-help__icon" size={16} /> : null}
        {t(question)}
      </summary>
      <p>{t(answer)}</p>
    </details>
  );
}
