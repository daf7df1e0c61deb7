import { z } from './zod';

/** How much notification mail a person gets: each one within a minute, one digest a day, or none. */
export const EMAIL_NOTIFICATION_CHOICES = ['immediately', 'daily', 'off'] as const;
export type EmailNotifications = (typeof EMAIL_NOTIFICATION_CHOICES)[number];

/** The choice when a person has made none. */
export const DEFAULT_EMAIL_NOTIFICATIONS: EmailNotifications = 'daily';

/** Languages a mail can be written in (the recipient's, or for an invitation the inviter's choice). */
export const MAIL_LANGUAGES = ['nl', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** Optional fields that send an invitation by mail (team invite, round reviewer link). */
export const mailInvitationFields = {
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'E-mailadres is te lang')
    .pipe(z.email('Geen geldig e-mailadres'))
    .optional(),
  language: z.enum(MAIL_LANGUAGES).optional(),
};

/** POST /api/auth/password-reset */
export const passwordResetRequestBody = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, 'E-mailadres is te lang')
      .pipe(z.email('Geen geldig e-mailadres')),
  })
  .strict();

/** PATCH /api/me: each field optional (the name form and the mail choice save apart). */
export const patchMeBody = z
  .object({
    name: z.string().trim().min(1, 'Naam is leeg').max(100, 'Naam is langer dan 100 tekens').optional(),
    emailNotifications: z.enum(EMAIL_NOTIFICATION_CHOICES, 'Kies direct, dagelijks of uit').optional(),
  })
  .strict();

/** GET /api/me, PATCH /api/me */
export interface Me {
  id: string;
  email: string;
  name: string;
  emailNotifications: EmailNotifications;
}
