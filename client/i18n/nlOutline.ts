/** Dutch messages of the document outline and the sticky document header. `enOutline.ts` mirrors it. */
export const nlOutline = {
  'outline.label': 'Inhoud',
  'outline.toggle': 'Inhoud',
  'outline.shortcut': 'Sneltoets: Alt+Shift+O',
  'outline.rulesFail': '{count, plural, one {# regel niet voldaan} other {# regels niet voldaan}}',
  'outline.rulesWarn': '{count, plural, one {# regel vraagt aandacht} other {# regels vragen aandacht}}',
  'outline.rulesPass': 'regels voldaan',
  'outline.comments': '{count, plural, one {# reactie} other {# reacties}}',
  'presence.jumpToPrefix': 'Naar de cursor van',
  'presence.jumpTo': 'Naar de cursor van {name}',
  'presence.caretShown': 'De cursor van {name} staat in beeld.',
  'presence.noCaret': '{name} heeft nu geen cursor in de tekst.',
  'appHeader.menu': 'Menu',
  'appHeader.search': 'Zoekpagina',
  'docHeader.actions': 'Documentacties',
} as const satisfies Record<string, string>;
