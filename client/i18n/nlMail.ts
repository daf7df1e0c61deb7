/** Dutch messages of e-mail: forgotten password, mail preference, unsubscribe, invitations by mail. */
export const nlMail = {
  'forgot.link': 'Wachtwoord vergeten?',
  'forgot.pageTitle': 'Wachtwoord vergeten',
  'forgot.heading': 'Wachtwoord vergeten',
  'forgot.intro':
    'Vul het e-mailadres van je account in. Je krijgt een mail met een link om een nieuw wachtwoord te kiezen; de link werkt één uur.',
  'forgot.email': 'E-mailadres',
  'forgot.submit': 'Herstellink mailen',
  'forgot.submitting': 'Bezig met versturen…',
  'forgot.sent':
    'Als er een account met {email} is, krijgt dat adres binnen enkele minuten een mail met een herstellink. Kijk ook in je map met ongewenste mail.',
  'forgot.noMail':
    'Deze Werkplaats verstuurt geen e-mail. Vraag de beheerder om een herstellink voor je account.',
  'forgot.remembered': 'Weet je je wachtwoord weer?',
  'forgot.toLogin': 'Naar inloggen',

  'mailPrefs.heading': 'Meldingen per e-mail',
  'mailPrefs.legend': 'Hoe vaak wil je meldingen per e-mail?',
  'mailPrefs.immediately': 'Direct — elke melding binnen een minuut',
  'mailPrefs.daily': 'Dagelijks — één overzicht per dag',
  'mailPrefs.off': 'Uit — alleen in Werkplaats zelf',
  'mailPrefs.hint':
    'Het gaat om vermeldingen, reacties, feedbackverzoeken, deadlines van feedbackrondes, gegeven feedback en statuswijzigingen van je ontwerpen.',
  'mailPrefs.save': 'Voorkeur opslaan',
  'mailPrefs.saved': 'Je voorkeur is opgeslagen.',
  'mailPrefs.mailOff': 'Deze Werkplaats verstuurt geen e-mail; meldingen zie je alleen in Werkplaats zelf.',

  'unsubscribe.pageTitle': 'Afmelden voor meldingen per e-mail',
  'unsubscribe.heading': 'Geen meldingen meer per e-mail?',
  'unsubscribe.intro':
    'Na afmelden krijg je geen mails meer over vermeldingen, reacties en feedbackrondes. In Werkplaats zelf zie je ze nog wel, en in Mijn account zet je de mails weer aan.',
  'unsubscribe.submit': 'Afmelden',
  'unsubscribe.submitting': 'Bezig met afmelden…',
  'unsubscribe.done': 'Je bent afgemeld. Je krijgt geen meldingen meer per e-mail.',
  'unsubscribe.toAccount': 'Naar Mijn account',

  'inviteMail.email': 'Mailen naar (optioneel)',
  'inviteMail.emailHint': 'Werkplaats stuurt de link naar dit adres. Leeg laten: je kopieert de link zelf.',
  'inviteMail.language': 'Taal van de mail',
  'inviteMail.sentTo': 'Verstuurd naar {email}',
} as const;
