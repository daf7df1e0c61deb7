import type { nlOutline } from './nlOutline';

/** English messages of the document outline and the sticky document header (mirrors `nlOutline.ts`). */
export const enOutline = {
  'outline.label': 'Contents',
  'outline.toggle': 'Contents',
  'outline.shortcut': 'Shortcut: Alt+Shift+O',
  'outline.rulesFail': '{count, plural, one {# rule not met} other {# rules not met}}',
  'outline.rulesWarn': '{count, plural, one {# rule needs attention} other {# rules need attention}}',
  'outline.rulesPass': 'rules met',
  'outline.comments': '{count, plural, one {# comment} other {# comments}}',
  'presence.jumpToPrefix': 'Go to the cursor of',
  'presence.jumpTo': 'Go to the cursor of {name}',
  'presence.caretShown': 'The cursor of {name} is in view.',
  'presence.noCaret': '{name} has no cursor in the text right now.',
  'appHeader.menu': 'Menu',
  'appHeader.search': 'Search page',
  'docHeader.actions': 'Document actions',
} as const satisfies Record<keyof typeof nlOutline, string>;
