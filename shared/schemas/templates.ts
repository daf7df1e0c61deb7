import { z } from './zod';

/** POST /api/templates/drafts */
export const createTemplateDraftBody = z
  .object({
    teamId: z.uuid('Kies een atelier'),
    title: z.string().trim().min(1, 'Titel is leeg').max(200, 'Titel is langer dan 200 tekens').optional(),
    /** Start from a published version (a revision keeps every leeruitkomst id). */
    fromVersionId: z.string().min(1).max(100).optional(),
  })
  .strict();

/** POST /api/templates/drafts/:docId/publish */
export const publishTemplateBody = z
  .object({
    /** `major.minor`; the proposed number when left out. */
    version: z
      .string()
      .regex(/^\d{1,4}\.\d{1,4}$/, 'Een versienummer ziet eruit als 1.0 of 2.3')
      .optional(),
    changeNote: z
      .string()
      .trim()
      .min(1, 'Beschrijf kort wat er veranderd is')
      .max(2000, 'Wijzigingsnotitie is langer dan 2000 tekens'),
  })
  .strict();
