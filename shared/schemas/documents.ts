import { z } from './zod';

/** Body of POST /api/documents. */
export const createDocumentBody = z
  .object({
    teamId: z.uuid('Kies een team'),
    title: z.string().trim().min(1, 'Titel is leeg').max(200, 'Titel is langer dan 200 tekens').optional(),
    sections: z
      .array(z.string().trim().min(1, 'Kop van een sectie is leeg').max(120, 'Kop is langer dan 120 tekens'))
      .min(1, 'Minstens één sectie')
      .max(30, 'Hoogstens 30 secties')
      .refine(
        (headings) => new Set(headings).size === headings.length,
        'Koppen van secties moeten uniek zijn',
      )
      .optional(),
  })
  .strict();

export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

/** What a collaborative document is: a free document, or an ontwikkelpad draft (more kinds follow). */
export type DocumentKind = 'document' | 'ontwikkelpad' | 'leerarrangement';

/** A collaborative document as the API presents it. */
export interface DocumentSummary {
  id: string;
  /** The team that owns the document (null only for documents from before accounts). */
  teamId: string | null;
  kind: DocumentKind;
  title: string;
  createdAt: string;
  updatedAt: string;
}
