import { EVC_FIELD_MAX } from '../domain/evcProcedure';
import { z } from './zod';

const evcText = z.string().max(EVC_FIELD_MAX, `Hoogstens ${EVC_FIELD_MAX} tekens per veld`);

/** PUT /api/teams/:teamId/evc-procedure — the whole procedure; empty fields are allowed. */
export const evcProcedureBody = z
  .object({ recognition: evcText, coverage: evcText, followUp: evcText })
  .strict();

/** The formats of a certificate: the model (the app's preview), print-ready HTML, Word. */
export const CERTIFICATE_FORMATS = ['json', 'html', 'docx'] as const;
export type CertificateFormat = (typeof CERTIFICATE_FORMATS)[number];

/** ?format= of GET …/certificate; JSON when left out. */
export const certificateQuery = z
  .object({
    format: z.enum(CERTIFICATE_FORMATS, 'Kies json, html of docx als formaat.').default('json'),
  })
  .strict();
