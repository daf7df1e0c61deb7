import type { RuleResult } from '../design/rules';
import type { DesignContent } from '../design/types';
import type { TemplateContent } from '../template/types';

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
  | {
      kind: 'ontwikkelpad';
      title: string;
      sections: SectionText[];
      /** Without the rich-text structure: the version's Yjs state holds it. */
      content: Omit<TemplateContent, 'rich'>;
    }
  | {
      kind: 'leerarrangement';
      title: string;
      sections: SectionText[];
      design: DesignContent;
      template: TemplateRef | null;
      /** Titles of the template's outcomes by id, so diffs and exports show codes, not ids. */
      outcomes: Record<string, { code: string; title: string }>;
      checks: RuleResult[];
    };
