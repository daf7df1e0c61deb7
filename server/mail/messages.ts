import type { MailLanguage } from '../../shared/domain/mail';
import type { MailAction, MailContent, MailSection } from './template';

/** Words every mail shares, per language. */
const COMMON = {
  nl: {
    notMeant: 'Kreeg je deze mail onverwacht? Dan kun je hem negeren.',
    sentBy: 'Verstuurd door Werkplaats.',
  },
  en: {
    notMeant: 'Did not expect this e-mail? Then you can ignore it.',
    sentBy: 'Sent by Werkplaats.',
  },
} as const;

/** The mail with a password-reset link (the recipient's language is not stored: Dutch). */
export function passwordResetMail(input: { name: string; url: string }): MailContent {
  return {
    lang: 'nl',
    subject: 'Nieuw wachtwoord kiezen voor Werkplaats',
    heading: 'Kies een nieuw wachtwoord',
    paragraphs: [
      `Hallo ${input.name},`,
      'Iemand (hopelijk jij) vroeg om je wachtwoord voor Werkplaats opnieuw in te stellen. Met de link hieronder kies je een nieuw wachtwoord. De link werkt één uur en één keer; daarna word je overal uitgelogd.',
    ],
    action: { label: 'Nieuw wachtwoord kiezen', url: input.url },
    footer: [
      'Vroeg je hier niet om? Negeer deze mail dan: je wachtwoord blijft wat het was.',
      COMMON.nl.sentBy,
    ],
  };
}

/** The mail that invites someone into a team. */
export function teamInviteMail(
  lang: MailLanguage,
  input: { inviterName: string; teamName: string; url: string; expiresAt: Date },
): MailContent {
  const until = input.expiresAt.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return lang === 'nl'
    ? {
        lang,
        subject: `${input.inviterName} nodigt je uit voor het team "${input.teamName}"`,
        heading: `Uitnodiging voor het team "${input.teamName}"`,
        paragraphs: [
          `${input.inviterName} nodigt je uit om mee te werken in het team "${input.teamName}" in Werkplaats.`,
          `De uitnodiging werkt één keer, tot en met ${until}. Heb je nog geen account, dan maak je er een aan.`,
        ],
        action: { label: `Uitnodiging voor "${input.teamName}" openen`, url: input.url },
        footer: [COMMON.nl.notMeant, COMMON.nl.sentBy],
      }
    : {
        lang,
        subject: `${input.inviterName} invites you to the team "${input.teamName}"`,
        heading: `Invitation to the team "${input.teamName}"`,
        paragraphs: [
          `${input.inviterName} invites you to work in the team "${input.teamName}" in Werkplaats.`,
          `The invitation works once, until ${until}. Without an account yet, you create one.`,
        ],
        action: { label: `Open the invitation to "${input.teamName}"`, url: input.url },
        footer: [COMMON.en.notMeant, COMMON.en.sentBy],
      };
}

/** The mail that invites a reviewer to a feedback round. */
export function roundInviteMail(
  lang: MailLanguage,
  input: { inviterName: string; roundTitle: string; documentTitle: string; url: string },
): MailContent {
  return lang === 'nl'
    ? {
        lang,
        subject: `Feedback gevraagd: "${input.documentTitle}"`,
        heading: `${input.inviterName} vraagt je feedback`,
        paragraphs: [
          `${input.inviterName} vraagt je om feedback te geven op "${input.documentTitle}" in de feedbackronde "${input.roundTitle}" in Werkplaats.`,
        ],
        action: { label: `Feedbackronde "${input.roundTitle}" openen`, url: input.url },
        footer: [COMMON.nl.notMeant, COMMON.nl.sentBy],
      }
    : {
        lang,
        subject: `Feedback requested: "${input.documentTitle}"`,
        heading: `${input.inviterName} asks for your feedback`,
        paragraphs: [
          `${input.inviterName} asks you to give feedback on "${input.documentTitle}" in the feedback round "${input.roundTitle}" in Werkplaats.`,
        ],
        action: { label: `Open the feedback round "${input.roundTitle}"`, url: input.url },
        footer: [COMMON.en.notMeant, COMMON.en.sentBy],
      };
}

/** One notification, ready for a mail. */
export interface MailNotice {
  text: string;
  where: string | null;
  quote: string | undefined;
  url: string;
}

const NOTIFICATION_FOOTER = (accountUrl: string) => [
  `Je krijgt deze mail omdat je meldingen per mail ontvangt. Kies in Mijn account (${accountUrl}) hoe vaak.`,
  COMMON.nl.sentBy,
];

/** The mail for notifications of someone who wants them at once (usually just one). */
export function immediateNotificationMail(
  notices: MailNotice[],
  links: { accountUrl: string; unsubscribe: MailAction },
): MailContent {
  const [first] = notices;
  if (notices.length === 1 && first) {
    return {
      lang: 'nl',
      subject: first.text,
      heading: first.text,
      paragraphs: [],
      quote: first.quote,
      action: { label: first.where ? `Openen in "${first.where}"` : 'Openen in Werkplaats', url: first.url },
      footer: NOTIFICATION_FOOTER(links.accountUrl),
      unsubscribe: links.unsubscribe,
    };
  }
  return {
    lang: 'nl',
    subject: `${notices.length} nieuwe meldingen in Werkplaats`,
    heading: `${notices.length} nieuwe meldingen`,
    paragraphs: [],
    sections: groupByPlace(notices),
    footer: NOTIFICATION_FOOTER(links.accountUrl),
    unsubscribe: links.unsubscribe,
  };
}

/** The daily digest: every notification since the last one, grouped by document. */
export function digestMail(
  notices: MailNotice[],
  links: { accountUrl: string; unsubscribe: MailAction },
): MailContent {
  return {
    lang: 'nl',
    subject:
      notices.length === 1
        ? 'Je dagelijkse overzicht: 1 melding in Werkplaats'
        : `Je dagelijkse overzicht: ${notices.length} meldingen in Werkplaats`,
    heading: 'Wat er gebeurde in Werkplaats',
    paragraphs: ['Dit gebeurde sinds je vorige overzicht, per document.'],
    sections: groupByPlace(notices),
    footer: NOTIFICATION_FOOTER(links.accountUrl),
    unsubscribe: links.unsubscribe,
  };
}

/** Notices under one heading per document (first appearance order); others under "Overig". */
function groupByPlace(notices: MailNotice[]): MailSection[] {
  const sections = new Map<string, MailSection>();
  for (const notice of notices) {
    const heading = notice.where ?? 'Overig';
    const section = sections.get(heading) ?? { heading, items: [] };
    section.items.push({
      text: notice.text,
      quote: notice.quote,
      action: {
        label: notice.where ? `Openen in "${notice.where}"` : 'Openen in Werkplaats',
        url: notice.url,
      },
    });
    sections.set(heading, section);
  }
  return [...sections.values()];
}
