import { DESIGN_STATUSES, INTERNAL_OUTCOMES } from '../domain/lifecycle';
import { DESIGN_ORIGINS } from '../domain/design/feedback';
import { z } from './zod';

/** POST /api/designs — a leerarrangement against a published ontwikkelpad version. */
export const createDesignBody = z
  .object({
    teamId: z.uuid('Kies een co-creatieteam'),
    title: z.string().trim().min(1, 'Titel is leeg').max(200, 'Titel is langer dan 200 tekens'),
    templateId: z.string().min(1, 'Kies een versie van een ontwikkelpad').max(100),
    /** "bestaand": existing offer, entered straight at interne toetsing (001 l.249). Default "nieuw". */
    origin: z.enum(DESIGN_ORIGINS, 'Kies nieuw of bestaand aanbod').optional(),
  })
  .strict();

/** POST /api/designs/:id/upgrade */
export const upgradeDesignBody = z.object({ toVersionId: z.string().min(1).max(100) }).strict();

/** POST /api/trajects */
export const createTrajectBody = z
  .object({
    teamId: z.uuid('Kies een team'),
    title: z.string().trim().min(1, 'Titel is leeg').max(200, 'Titel is langer dan 200 tekens'),
    templateVersionId: z.string().min(1).max(100),
  })
  .strict();

/** PUT /api/trajects/:id/items — the whole list, in order. */
export const setTrajectItemsBody = z
  .object({
    items: z
      .array(
        z
          .object({
            designId: z.uuid(),
            /** Horizontal alternatives share a group label; vertical steps have none. */
            alternativeGroup: z.string().trim().max(100).nullable().optional(),
          })
          .strict(),
      )
      .max(50, 'Hoogstens 50 leerarrangementen in één traject'),
  })
  .strict();

/** POST /api/designs/:id/status and POST /api/trajects/:id/status — one lifecycle move. */
export const changeStatusBody = z
  .object({
    to: z.enum(DESIGN_STATUSES, 'Kies een geldige status'),
    outcome: z.enum(INTERNAL_OUTCOMES, 'Kies een geldige uitkomst').nullable().optional(),
    note: z.string().max(5000, 'Toelichting is langer dan 5000 tekens').nullable().optional(),
  })
  .strict();
