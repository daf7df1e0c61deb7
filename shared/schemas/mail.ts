import { z } from './zod';
import { EMAIL_NOTIFICATION_CHOICES, MAIL_LANGUAGES } from '../domain/mail';

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
