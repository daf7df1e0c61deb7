import { allOutcomes, type TemplateContent } from './types';

/** One reason a template cannot be published, in Dutch, with the field it concerns. */
export interface PublishProblem {
  path: string;
  message: string;
}

/** Everything that blocks publishing (empty when it may be published). */
export function validateForPublish(content: TemplateContent): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (!content.title.trim()) problems.push({ path: 'title', message: 'Geef het ontwikkelpad een titel.' });
  if (content.kind === 'vakbekwaam-expert' && !content.specialisation.trim()) {
    problems.push({
      path: 'specialisation',
      message: 'Noem de specialisatie (bijv. Specialist Curriculumontwikkeling).',
    });
  }
  if (content.sectors.length === 0)
    problems.push({ path: 'sectors', message: 'Kies minstens één sector (po, vo, mbo).' });
  if (content.nlqfLevel === null) {
    problems.push({ path: 'nlqfLevel', message: 'Kies het NLQF-niveau (1–8).' });
  } else if (!Number.isInteger(content.nlqfLevel) || content.nlqfLevel < 1 || content.nlqfLevel > 8) {
    problems.push({
      path: 'nlqfLevel',
      message: 'Het NLQF-niveau moet een geheel getal van 1 tot en met 8 zijn.',
    });
  }

  const outcomes = allOutcomes(content);
  if (outcomes.length === 0)
    problems.push({ path: 'themes', message: 'Voeg minstens één leeruitkomst toe.' });
  const seenCodes = new Map<string, string>();
  for (const outcome of outcomes) {
    const path = `outcomes.${outcome.id}`;
    const code = outcome.code.trim();
    if (!code)
      problems.push({
        path: `${path}.code`,
        message: `Leeruitkomst "${outcome.title || '(zonder titel)'}" heeft geen code.`,
      });
    else if (seenCodes.has(code.toLowerCase())) {
      problems.push({
        path: `${path}.code`,
        message: `De code ${code} komt meer dan eens voor; codes moeten uniek zijn.`,
      });
    } else seenCodes.set(code.toLowerCase(), outcome.id);
    if (!outcome.title.trim())
      problems.push({
        path: `${path}.title`,
        message: `Leeruitkomst ${code || outcome.id} heeft geen titel.`,
      });
  }
  for (const theme of content.themes) {
    if (!theme.title.trim())
      problems.push({ path: `themes.${theme.id}.title`, message: 'Een thema heeft geen naam.' });
  }

  const headings = new Set<string>();
  if (content.sections.length === 0) {
    problems.push({
      path: 'sections',
      message: 'Noem minstens één sectie die elk leerarrangement moet hebben.',
    });
  }
  for (const section of content.sections) {
    const heading = section.heading.trim().toLowerCase();
    if (!heading)
      problems.push({ path: `sections.${section.id}.heading`, message: 'Een sectie heeft geen kop.' });
    else if (headings.has(heading)) {
      problems.push({
        path: `sections.${section.id}.heading`,
        message: `De sectiekop "${section.heading.trim()}" komt meer dan eens voor.`,
      });
    } else headings.add(heading);
  }

  if (content.rubric) {
    const levels = content.rubric.levels.length;
    if (levels === 0) problems.push({ path: 'rubric.levels', message: 'De rubric heeft geen groeiniveaus.' });
    for (const dimension of content.rubric.dimensions) {
      for (const sub of dimension.subdimensions) {
        if (sub.descriptors.length !== levels) {
          problems.push({
            path: `rubric.${dimension.id}.${sub.id}`,
            message: `Subdimensie "${sub.title}" beschrijft ${sub.descriptors.length} in plaats van ${levels} niveaus.`,
          });
        }
      }
    }
  }
  return problems;
}
