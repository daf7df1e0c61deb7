import type { nlExample } from './nlExample';

/** English messages of the example design, the terms' help texts and the rules panel; the keys of `nlExample.ts`. */
export const enExample: Record<keyof typeof nlExample, string> = {
  'example.heading': 'Explore an example',
  'example.text':
    'A filled-in leerarrangement in an example team of your own, only for you: look around, type in it and watch the rules check along.',
  'example.open': 'Explore an example',
  'example.opening': 'Making the example…',
  'example.reopen': 'Open your example',
  'example.delete': 'Delete the example',
  'example.deleteContext': 'your example team with everything in it',
  'example.deleteQuestion': 'Delete your example team and everything in it? This cannot be undone.',
  'example.deleted': 'Your example team was deleted.',
  'example.badge': 'Example',
  'example.ownStep':
    'Start a design of your own from an example ontwikkelpad: open it in the library and choose "Design a leerarrangement" there (possible once you are in a co-creation team).',
  'example.ownStepLink': 'Open "{title}"',

  'serverError.team_has_members':
    'Others work in your example team. Leave the team, or remove the other members first.',

  'term.traject': 'What is a professionaliseringstraject?',
  'term.trajectText':
    'The coherent offer (the "how") through which teachers reach every learning outcome of one ontwikkelpad: at most 6 to 10 leerarrangementen, in a fixed order (vertical) or a route of their own (horizontal).',
  'term.feedbackronde': 'What is a feedback round?',
  'term.feedbackrondeText':
    'A frozen version of your design put to teachers, schools, educators or other co-creation teams, with guiding questions and a deadline. Afterwards you visibly handle every piece of feedback. Feedback from teachers, schools or educators is required before the interne toetsing.',
  'term.cocreatieteam': 'What is a co-creation team?',
  'term.cocreatieteamText':
    'The team of a co-creatielab: teachers, employers, public teacher educators and private providers who design leerarrangementen and trajecten together, as equals. An atelier writes the ontwikkelpaden.',
  'term.toetsingscommissie': 'What is a toetsingscommissie?',
  'term.toetsingscommissieText':
    'An independent group of experts of the quality system who review submitted offer objectively: approved, it goes on the platform; rejected, it goes back for rework.',

  'rules.summary': '{passed} of {total} met',
  'rules.details': 'Details',
  'rules.about': 'What the rule asks',
  'rules.now': 'Now',
  'rules.source': 'Source',
  'rules.sourceText': 'Handreiking for consortia and co-creatielabs (001), line {lines}',
  'rules.goTo': 'Go to the field',
  'rules.R1.short': 'Every learning outcome covered',
  'rules.R1.about':
    "Together a traject's leerarrangementen cover every learning outcome of the ontwikkelpad.",
  'rules.R2.short': 'At most 6 to 10 leerarrangementen',
  'rules.R2.about': 'A traject has at most 6 to 10 leerarrangementen.',
  'rules.R3.short': 'Size 3–5 ECTS',
  'rules.R3.about': 'A formal leerarrangement is 3 to 5 ECTS, depending on the number of leerarrangementen.',
  'rules.R4.short': 'Learning outcomes chosen',
  'rules.R4.about': 'The leerarrangement names the learning outcomes of the ontwikkelpad it realises.',
  'rules.R5.short': 'Level matches',
  'rules.R5.about': "The NLQF level is the ontwikkelpad's.",
  'rules.R6.short': 'Sectors within the ontwikkelpad',
  'rules.R6.about': "The sectors are within the ontwikkelpad's.",
  'rules.R7.short': 'Evidence per learning outcome',
  'rules.R7.about': 'For every chosen learning outcome it says how a teacher shows it was reached.',
  'rules.R8.short': 'Place in the traject',
  'rules.R8.about':
    'Vertical: the step in the order. Horizontal: the learning form (collective, team or individual).',
  'rules.R9.short': 'Relation to the traject',
  'rules.R9.about': 'The leerarrangement says how it fits the whole traject.',
  'rules.R10.short': 'Recognition (EVC)',
  'rules.R10.about': 'It describes how prior learning is recognised.',
  'rules.R11.short': 'Status of materials',
  'rules.R11.about': 'Every component is new, converted/reworked or existing.',
  'rules.R12.short': 'Third parties named',
  'rules.R12.about': 'Parts delivered by third parties are named; the consortium stays responsible.',
  'rules.R13.short': 'Feedback from teachers, schools or educators',
  'rules.R13.about':
    'Before the interne toetsing the prototype had systematic feedback from teachers, schools or teacher educators outside the team, and every item was handled.',
};
