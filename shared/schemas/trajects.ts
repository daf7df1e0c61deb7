import { z } from './zod';

/** PUT /api/trajects/:id/agreements/:designId — the agreement with the item's provider is made (or not). */
export const trajectAgreementBody = z
  .object({ confirmed: z.boolean('Geef aan of de afspraak is gemaakt') })
  .strict();

export type TrajectAgreementBody = z.infer<typeof trajectAgreementBody>;
