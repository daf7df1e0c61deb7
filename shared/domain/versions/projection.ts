import type { RuleResult } from '../leerarrangement/rules';
import type { LeerarrangementContent } from '../leerarrangement/types';
import type { OntwikkelpadContent } from '../ontwikkelpad/types';

/** Plain text of one rich-text section. */
export interface SectionText {
  id: string;
  heading: string;
  text: string;
}

/** The ontwikkelpad version a design is checked against. */
export interface TemplateRef {
  id: string;
  title: string;
  version: string;
}

/**
 * The JSON kept beside every version's Yjs state: enough to list, read, diff and export a version
 * without decoding Yjs. `sections` holds every rich-text section of every kind.
 */
export type VersionProjection =
  | { kind: 'document'; title: string; sections: SectionText[] }
  | { kind: 'ontwikkelpad'; title: string; sections: SectionText[]; content: OntwikkelpadContent }
  | {
      kind: 'leerarrangement';
      title: string;
      sections: SectionText[];
      design: LeerarrangementContent;
      template: TemplateRef | null;
      /** Titles of the template's outcomes by id, so diffs and exports show codes, not ids. */
      outcomes: Record<string, { code: string; title: string }>;
      checks: RuleResult[];
    };
