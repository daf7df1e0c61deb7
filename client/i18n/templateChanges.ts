import type { TemplateChange } from '../../shared/domain/template/diff';
import type { Leeruitkomst, TemplateKind, Sector } from '../../shared/domain/template/types';
import type { MessageKey } from './nl';
import type { MessageParams } from './translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Message key of an ontwikkelpad kind ("Van start- naar vakbekwaam", …). */
export function kindLabelKey(kind: TemplateKind): MessageKey {
  return `opKind.${kind}`;
}

/** Message key of a sector's short name ("po"). */
export function sectorLabelKey(sector: Sector): MessageKey {
  return `sector.${sector}`;
}

/** Message key of a sector's full name ("Primair onderwijs (po)"). */
export function sectorLongLabelKey(sector: Sector): MessageKey {
  return `sectorLong.${sector}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How an outcome is named in a sentence: its code, or its title when it has none. */
export function outcomeName(outcome: Pick<Leeruitkomst, 'code' | 'title'>, t: Translate): string {
  return outcome.code.trim() || outcome.title.trim() || t('change.noCode');
}

/** "titel en beschrijving", "code, titel en beschrijving". */
function joinFields(fields: readonly string[], t: Translate): string {
  if (fields.length <= 1) return fields.join('');
  return `${fields.slice(0, -1).join(', ')} ${t('change.and')} ${fields[fields.length - 1]}`;
}

/**
 * One change between two versions as a sentence in the UI language: "Leeruitkomst LU 2.3
 * toegevoegd", "Titel en beschrijving van LU 1.1 gewijzigd", "LU 1.2 verplaatst van thema X naar Y".
 */
export function describeTemplateChange(change: TemplateChange, t: Translate): string {
  const theme = (title: string) => title.trim() || t('change.noTheme');
  switch (change.kind) {
    case 'outcome-added':
    case 'outcome-removed':
      return t(`change.${change.kind}`, { code: outcomeName(change.outcome, t) });
    case 'outcome-changed': {
      const fields = joinFields(
        change.fields.map((field) => t(`change.outcomeField.${field}`)),
        t,
      );
      const code = outcomeName(change.before, t);
      const sentence = change.fields.includes('code')
        ? t('change.outcome-recoded', { fields, code, newCode: outcomeName(change.after, t) })
        : t('change.outcome-changed', { fields, code });
      return capitalise(sentence);
    }
    case 'outcome-moved':
      return t('change.outcome-moved', {
        code: outcomeName(change.outcome, t),
        from: theme(change.fromTheme),
        to: theme(change.toTheme),
      });
    case 'outcomes-reordered':
      return t('change.outcomes-reordered', { theme: theme(change.theme) });
    case 'section-added':
    case 'section-removed':
      return t(`change.${change.kind}`, { heading: change.section.heading.trim() });
    case 'section-changed': {
      const renamed = change.before.heading !== change.after.heading;
      const guidance = change.before.guidance !== change.after.guidance;
      const params = { before: change.before.heading.trim(), heading: change.after.heading.trim() };
      if (renamed && guidance) return t('change.section-renamed-guidance', params);
      return t(renamed ? 'change.section-renamed' : 'change.section-guidance', params);
    }
    case 'rubric-changed':
      return t('change.rubric-changed');
    case 'field-changed':
      return t(`change.field.${change.field}`);
    default:
      // A change kind newer than this client: say something rather than nothing.
      return (change as { kind: string }).kind;
  }
}
