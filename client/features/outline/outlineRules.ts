import { createContext, useContext, useEffect } from 'react';
import type { RuleResult } from '../../../shared/domain/design/rules';

/** Where a page's form hands its live rule results to the outline beside it. */
export const OutlineRulesContext = createContext<((results: readonly RuleResult[]) => void) | null>(null);

/** Shows `results` per section in the surrounding outline (no-op outside an `OutlineLayout`). */
export function useOutlineRules(results: readonly RuleResult[]): void {
  const report = useContext(OutlineRulesContext);
  useEffect(() => {
    report?.(results);
  }, [report, results]);
}
