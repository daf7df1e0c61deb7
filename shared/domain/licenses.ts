/**
 * The licences a co-creatieteam can publish under. The seeds ask that subsidised work be public and
 * reusable by others (open-source principle, 001 l.263, 279) and leave the exact terms to an FAQ; so
 * the choice is limited to open Creative Commons licences that allow adapting the work (reuse in
 * Werkplaats means copying and reworking): no "NoDerivatives" variant, no all-rights-reserved.
 */
export const LICENSES = ['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC-SA 4.0'] as const;
export type License = (typeof LICENSES)[number];

/** The suggested default, and what everything approved before the choice existed carries. */
export const DEFAULT_LICENSE: License = 'CC BY-SA 4.0';

/** The licence deed each one links to. */
export const LICENSE_URLS: Record<License, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/deed.nl',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/deed.nl',
  'CC BY-NC-SA 4.0': 'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.nl',
};

/** Whether a stored or submitted value is one of the offered licences. */
export function isLicense(value: unknown): value is License {
  return typeof value === 'string' && (LICENSES as readonly string[]).includes(value);
}
