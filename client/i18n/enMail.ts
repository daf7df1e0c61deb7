import type { nlMail } from './nlMail';

/** English messages of e-mail (keys as in nlMail). */
export const enMail: Record<keyof typeof nlMail, string> = {
  'forgot.link': 'Forgot your password?',
  'forgot.pageTitle': 'Forgot password',
  'forgot.heading': 'Forgot password',
  'forgot.intro':
    'Enter the e-mail address of your account. You will get an e-mail with a link to choose a new password; the link works for one hour.',
  'forgot.email': 'E-mail address',
  'forgot.submit': 'E-mail me a reset link',
  'forgot.submitting': 'Sending…',
  'forgot.sent':
    'If there is an account for {email}, that address gets an e-mail with a reset link within a few minutes. Check your spam folder too.',
  'forgot.noMail':
    'This Werkplaats sends no e-mail. Ask the administrator for a reset link for your account.',
  'forgot.remembered': 'Remember your password?',
  'forgot.toLogin': 'To log in',

  'mailPrefs.heading': 'Notifications by e-mail',
  'mailPrefs.legend': 'How often do you want notifications by e-mail?',
  'mailPrefs.immediately': 'Immediately — each notification within a minute',
  'mailPrefs.daily': 'Daily — one summary a day',
  'mailPrefs.off': 'Off — only in Werkplaats itself',
  'mailPrefs.hint':
    'Mentions, replies, review requests, feedback round deadlines, feedback given and status changes of your designs.',
  'mailPrefs.save': 'Save preference',
  'mailPrefs.saved': 'Your preference is saved.',
  'mailPrefs.mailOff': 'This Werkplaats sends no e-mail; you see notifications only in Werkplaats itself.',

  'unsubscribe.pageTitle': 'Unsubscribe from notification e-mails',
  'unsubscribe.heading': 'No more notifications by e-mail?',
  'unsubscribe.intro':
    'After unsubscribing you get no more e-mails about mentions, replies and feedback rounds. You still see them in Werkplaats, and you can turn the e-mails on again in My account.',
  'unsubscribe.submit': 'Unsubscribe',
  'unsubscribe.submitting': 'Unsubscribing…',
  'unsubscribe.done': 'You are unsubscribed. You will get no more notifications by e-mail.',
  'unsubscribe.toAccount': 'To My account',

  'inviteMail.email': 'E-mail to (optional)',
  'inviteMail.emailHint': 'Werkplaats sends the link to this address. Leave empty to copy the link yourself.',
  'inviteMail.language': 'Language of the e-mail',
  'inviteMail.sentTo': 'Sent to {email}',
};
