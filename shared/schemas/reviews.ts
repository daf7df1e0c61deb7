import { VERDICTS } from '../domain/review';
import { changeStatusBody } from './designs';
import { z } from './zod';

/** POST /api/designs/:id/status — a design's move; submitting may name the toetsingscommissie. */
export const changeDesignStatusBody = changeStatusBody
  .extend({ reviewTeamId: z.uuid('Kies een geldige toetsingscommissie').optional() })
  .strict();

const note = z.string().trim().max(5000, 'Toelichting is langer dan 5000 tekens');

/** PUT /api/reviews/:assignmentId/judgements — one or more criteria judged. */
export const judgementsBody = z
  .object({
    judgements: z
      .array(
        z
          .object({
            criterionId: z.string().min(1, 'Kies een criterium').max(100),
            verdict: z.enum(VERDICTS, 'Oordeel moet voldoet, voldoet-niet of nvt zijn'),
            note: note.default(''),
          })
          .strict(),
      )
      .min(1, 'Geef minstens één oordeel')
      .max(50, 'Hoogstens 50 oordelen'),
  })
  .strict();

/** PUT /api/reviews/teams/:teamId/frame — the committee's quality frame. */
export const frameBody = z
  .object({
    criteria: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[a-z0-9-]{1,60}$/, 'Een criterium-id bestaat uit kleine letters, cijfers en streepjes')
              .optional(),
            title: z.string().trim().min(1, 'Een criterium heeft een titel').max(200),
            description: z.string().trim().max(2000).default(''),
          })
          .strict(),
      )
      .min(1, 'Een kwaliteitskader heeft minstens één criterium')
      .max(20, 'Hoogstens 20 criteria'),
  })
  .strict();

/** PUT /api/reviews/design/:docId/:assignmentId/:criterionId — the design team ticks a judgement off. */
export const addressedBody = z.object({ addressed: z.boolean('Geef aan of het is verwerkt') }).strict();

export type JudgementsBody = z.infer<typeof judgementsBody>;
export type FrameBody = z.infer<typeof frameBody>;
