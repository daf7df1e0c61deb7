import type { nlWelcome } from './nlWelcome';

/** English messages of the landing page and the first steps; the same keys as `nlWelcome.ts`. */
export const enWelcome: Record<keyof typeof nlWelcome, string> = {
  'welcome.pageTitle': 'Werkplaats — design learning arrangements together',
  'welcome.heading': 'Design learning arrangements together',
  'welcome.line1':
    "Werkplaats is the workspace where co-creation teams design learning arrangements for teachers' professional development — at the same time, in one document.",
  'welcome.line2':
    "You design against the ateliers' ontwikkelpaden, the system's rules check along, and you ask teachers, schools, teacher educators and other labs for feedback.",
  'welcome.line3': 'Every version is kept; approved designs are in the public catalog, for anyone to reuse.',
  'welcome.signup': 'Create an account',
  'welcome.login': 'Log in',
  'welcome.catalog': 'Browse the catalog',
  'welcome.termsHeading': 'Terms',
  'welcome.term.ontwikkelpad': 'What is an ontwikkelpad?',
  'welcome.term.ontwikkelpadText':
    'A framework set by an atelier for a role or specialisation of teachers (for example starting → experienced): the learning outcomes, grouped in themes, with the level and sectors it applies to.',
  'welcome.term.leerarrangement': 'What is a leerarrangement?',
  'welcome.term.leerarrangementText':
    'A coherent offer through which teachers reach one or more learning outcomes of an ontwikkelpad: learning activities, study load, assessment and evidence, recognition of prior learning. Several together form a professional development traject.',
  'welcome.term.rules': 'What are R1–R13?',
  'welcome.term.rulesText':
    'The rules from the source documents a design must meet, such as its size (R3), learning outcomes from the ontwikkelpad (R4), evidence per outcome (R7) and feedback from teachers, schools or educators (R13). Werkplaats checks them while you write.',

  'firstRun.heading': 'How to start',
  'firstRun.step1': 'Create a co-creation team (below), or open the invite link a team owner sent you.',
  'firstRun.step3': 'Write together, save a version and ask for feedback on it.',
  'firstRun.library': 'Go to the library',
  'firstRun.catalog': 'Examples in the catalog',
};
