/** How much notification mail a person gets: each one within a minute, one digest a day, or none. */
export const EMAIL_NOTIFICATION_CHOICES = ['immediately', 'daily', 'off'] as const;
export type EmailNotifications = (typeof EMAIL_NOTIFICATION_CHOICES)[number];

/** The choice when a person has made none. */
export const DEFAULT_EMAIL_NOTIFICATIONS: EmailNotifications = 'daily';

/** Languages a mail can be written in (the recipient's, or for an invitation the inviter's choice). */
export const MAIL_LANGUAGES = ['nl', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** GET /api/me, PATCH /api/me */
export interface Me {
  id: string;
  email: string;
  name: string;
  emailNotifications: EmailNotifications;
}
