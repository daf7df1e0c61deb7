/**
 * Dutch messages of the sign-up policy and the password-reset page. Spread into `nl.ts`;
 * `enAuth.ts` mirrors it.
 */
export const nlAuth = {
  'signup.closedHeading': 'Aanmelden is gesloten',
  'signup.closed':
    'Op deze Werkplaats maak je niet zelf een account aan. Vraag de beheerder om een account, of open de uitnodigingslink die je van je team kreeg.',
  'signup.domainsOnly': 'Aanmelden kan hier alleen met een e-mailadres van {domains}.',
  'signup.viaInvite': 'Je maakt een account aan via je uitnodiging. Daarna neem je de uitnodiging aan.',

  'reset.pageTitle': 'Nieuw wachtwoord',
  'reset.heading': 'Kies een nieuw wachtwoord',
  'reset.intro':
    'Na het opslaan wordt je overal uitgelogd. Log daarna in met je nieuwe wachtwoord. Deze link werkt één keer en een uur lang.',
  'reset.password': 'Nieuw wachtwoord',
  'reset.submit': 'Wachtwoord opslaan',
  'reset.submitting': 'Bezig met opslaan…',
  'reset.done': 'Je wachtwoord is gewijzigd. Je kunt nu inloggen met je nieuwe wachtwoord.',
  'reset.toLogin': 'Naar inloggen',
  'reset.remembered': 'Weet je je wachtwoord weer?',
} as const satisfies Record<string, string>;
