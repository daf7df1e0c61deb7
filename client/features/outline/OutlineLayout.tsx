import { useState, type ReactNode } from 'react';
import type { RuleResult } from '../../../shared/domain/design/rules';
import { DocumentOutline } from './DocumentOutline';
import { OutlineRulesContext } from './outlineRules';
import '../../styles/outline.css';

/**
 * A long page with its outline: a sticky column on the left on wide screens, an "Inhoud"
 * disclosure above the page on narrow ones. `results`, when the page has rule checks, may also
 * come from inside `children` (`useOutlineRules`).
 */
export function OutlineLayout({
  results = null,
  children,
}: {
  results?: readonly RuleResult[] | null;
  children: ReactNode;
}) {
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [reported, setReported] = useState<readonly RuleResult[] | null>(null);
  return (
    <div className="outline-layout">
      <DocumentOutline root={root} results={results ?? reported} />
      <div className="outline-layout__content" ref={setRoot}>
        <OutlineRulesContext value={setReported}>{children}</OutlineRulesContext>
      </div>
    </div>
  );
}
