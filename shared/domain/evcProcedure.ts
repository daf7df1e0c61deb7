/**
 * A team's procedure for recognising prior learning (EVC, 001 l.163 and l.338): one text per
 * team that its designs refer to instead of each repeating it. Plain text; blank lines separate
 * paragraphs.
 */
export interface EvcProcedure {
  /** How prior experience and education are recognised (a conversation, a portfolio, a test). */
  recognition: string;
  /** Which leeruitkomsten the procedure can cover. */
  coverage: string;
  /** How the rest of the traject or arrangement adapts to what was recognised (l.338). */
  followUp: string;
}

/** The longest text per field: a procedure is a page or two, not a document. */
export const EVC_FIELD_MAX = 20_000;

/** The fields in the order they are shown and printed. */
export const EVC_FIELDS = ['recognition', 'coverage', 'followUp'] as const satisfies ReadonlyArray<
  keyof EvcProcedure
>;

/** Dutch headings of the fields, for exports and certificates. */
export const EVC_FIELD_HEADINGS_NL: Record<keyof EvcProcedure, string> = {
  recognition: 'Hoe eerder verworven competenties worden erkend',
  coverage: 'Welke leeruitkomsten de erkenning kan dekken',
  followUp: 'Adaptief vervolg',
};

/** Whether a procedure says anything at all (an all-empty one counts as none). */
export function hasEvcProcedure(procedure: EvcProcedure | null | undefined): procedure is EvcProcedure {
  return !!procedure && EVC_FIELDS.some((field) => procedure[field].trim() !== '');
}

/** The paragraphs of a plain text: blocks separated by blank lines, each trimmed. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
