import { allOutcomes, type TemplateContent } from '../template/types';
import { checkFeedback } from './feedback';
import { checkSize } from './size';
import {
  DEFAULT_HOURS_PER_ECTS,
  type DesignContext,
  type DesignContent,
  type RuleId,
  type RuleResult,
} from './types';

export type { RuleId, RuleResult } from './types';

function must(
  ruleId: RuleId,
  ok: boolean,
  pass: string,
  fail: string,
  target: RuleResult['target'],
): RuleResult {
  return {
    ruleId,
    kind: 'must',
    status: ok ? 'pass' : 'fail',
    message: ok ? pass : fail,
    target,
    gate: 'leaving-prototype',
  };
}

function guideline(
  ruleId: RuleId,
  ok: boolean,
  pass: string,
  warn: string,
  target: RuleResult['target'],
): RuleResult {
  return { ruleId, kind: 'guideline', status: ok ? 'pass' : 'warn', message: ok ? pass : warn, target };
}

/** The outcome's code in the template, else its label from an earlier version, else its id. */
function codeOf(template: TemplateContent, id: string, context: DesignContext): string {
  return (
    allOutcomes(template).find((outcome) => outcome.id === id)?.code || context.outcomeLabels?.[id] || id
  );
}

/** R3–R13 for one leerarrangement against its template version. Pure: same input, same output. */
export function checkDesign(
  design: DesignContent,
  template: TemplateContent,
  context: DesignContext,
): RuleResult[] {
  const results: RuleResult[] = [];
  const templateIds = new Set(allOutcomes(template).map((outcome) => outcome.id));

  results.push(checkSize(design, context.hoursPerEcts ?? DEFAULT_HOURS_PER_ECTS));

  // R4 — names ≥ 1 leeruitkomst, each from the template version.
  const unknown = design.targetedOutcomeIds.filter((id) => !templateIds.has(id));
  if (design.targetedOutcomeIds.length === 0) {
    results.push(
      must('R4', false, '', 'Kies minstens één leeruitkomst die dit leerarrangement realiseert.', {
        field: 'outcomes',
      }),
    );
  } else if (unknown.length > 0) {
    results.push(
      must(
        'R4',
        false,
        '',
        `Leeruitkomst ${unknown.map((id) => codeOf(template, id, context)).join(', ')} komt niet voor in deze versie van het ontwikkelpad.`,
        {
          field: 'outcomes',
          itemId: unknown[0],
        },
      ),
    );
  } else {
    results.push(
      must('R4', true, `${design.targetedOutcomeIds.length} leeruitkomst(en) gekozen.`, '', {
        field: 'outcomes',
      }),
    );
  }

  // R5 — level matches the ontwikkelpad's NLQF level.
  results.push(
    design.nlqfLevel === null
      ? must(
          'R5',
          false,
          '',
          `Kies het NLQF-niveau (het ontwikkelpad is niveau ${template.nlqfLevel ?? '?'}).`,
          {
            field: 'nlqfLevel',
          },
        )
      : must(
          'R5',
          design.nlqfLevel === template.nlqfLevel,
          `NLQF-niveau ${design.nlqfLevel} komt overeen met het ontwikkelpad.`,
          `NLQF-niveau ${design.nlqfLevel} wijkt af van het ontwikkelpad (niveau ${template.nlqfLevel ?? '?'}).`,
          { field: 'nlqfLevel' },
        ),
  );

  // R6 — sectors are a (non-empty) subset of the ontwikkelpad's.
  const outside = design.sectors.filter((sector) => !template.sectors.includes(sector));
  results.push(
    design.sectors.length === 0
      ? must('R6', false, '', 'Kies minstens één sector.', { field: 'sectors' })
      : must(
          'R6',
          outside.length === 0,
          'De sectoren vallen binnen die van het ontwikkelpad.',
          `Sector ${outside.join(', ')} hoort niet bij dit ontwikkelpad (${template.sectors.join(', ')}).`,
          { field: 'sectors' },
        ),
  );

  // R7 — every targeted leeruitkomst has evidence described.
  const missingEvidence = design.targetedOutcomeIds.filter((id) => !design.evidence[id]?.trim());
  results.push(
    design.targetedOutcomeIds.length === 0
      ? must('R7', false, '', 'Kies eerst leeruitkomsten; beschrijf daarna per leeruitkomst de bewijzen.', {
          field: 'evidence',
        })
      : must(
          'R7',
          missingEvidence.length === 0,
          'Voor elke gekozen leeruitkomst zijn bewijzen beschreven.',
          `Beschrijf bewijzen (toetsing) voor ${missingEvidence.map((id) => codeOf(template, id, context)).join(', ')}.`,
          { field: 'evidence', ...(missingEvidence[0] ? { itemId: missingEvidence[0] } : {}) },
        ),
  );

  // R8 — vertical: explicit order; horizontal: learning form.
  const placement = design.placement;
  if (!placement) {
    results.push(
      must(
        'R8',
        false,
        '',
        'Geef aan of dit leerarrangement verticaal (in volgorde) of horizontaal (als alternatief) is.',
        { field: 'placement' },
      ),
    );
  } else if (placement.type === 'verticaal') {
    results.push(
      must(
        'R8',
        placement.position !== null && Number.isInteger(placement.position) && placement.position >= 1,
        `Verticaal: stap ${placement.position ?? ''} in de volgorde.`,
        'Geef de plaats in de volgorde (stap 1, 2, …) van dit verticale leerarrangement.',
        { field: 'placement' },
      ),
    );
  } else {
    results.push(
      must(
        'R8',
        placement.learningForm !== null,
        `Horizontaal, leervorm ${placement.learningForm ?? ''}.`,
        'Kies de leervorm (collectief, team of individueel) van dit horizontale leerarrangement.',
        { field: 'placement' },
      ),
    );
  }

  // R9 — relation to the whole traject.
  results.push(
    must(
      'R9',
      design.trajectRelation.trim().length > 0,
      'De relatie tot het professionaliseringstraject is beschreven.',
      'Beschrijf hoe dit leerarrangement zich verhoudt tot het hele professionaliseringstraject.',
      { field: 'trajectRelation' },
    ),
  );

  // R10 — an erkenning/EVC approach.
  results.push(
    guideline(
      'R10',
      design.evcApproach.trim().length > 0 || design.evcFollowsTeam === true,
      design.evcFollowsTeam
        ? 'Volgt de EVC-procedure van het team.'
        : 'De aanpak voor erkenning van eerder verworven competenties is beschreven.',
      'Beschrijf hoe eerder verworven competenties worden erkend (portfolio, gesprek, toets).',
      { field: 'evcApproach' },
    ),
  );

  // R11 — material status per activity.
  const withoutStatus = design.activities.filter((activity) => activity.materialStatus === null);
  results.push(
    guideline(
      'R11',
      withoutStatus.length === 0,
      'Bij elke leeractiviteit staat of het materiaal nieuw, omgezet/opgewerkt of bestaand is.',
      `Geef de materiaalstatus van ${withoutStatus.map((activity) => `"${activity.title || 'naamloze activiteit'}"`).join(', ')}.`,
      { field: 'activities', ...(withoutStatus[0] ? { itemId: withoutStatus[0].id } : {}) },
    ),
  );

  // R12 — parts by third parties are named.
  const unnamed = design.activities.filter(
    (activity) => activity.provider.type === 'derde' && !activity.provider.name.trim(),
  );
  results.push(
    guideline(
      'R12',
      unnamed.length === 0,
      'Onderdelen van derden zijn bij naam genoemd; het consortium blijft verantwoordelijk.',
      `Noem de aanbieder van ${unnamed.map((activity) => `"${activity.title || 'naamloze activiteit'}"`).join(', ')}.`,
      { field: 'activities', ...(unnamed[0] ? { itemId: unnamed[0].id } : {}) },
    ),
  );

  // R13 — feedback from teachers, schools or teacher educators, every item triaged.
  results.push(checkFeedback(context.feedback, context.origin));

  return results;
}

/** Whether every must-rule that gates `gate` passes. */
export function gatePasses(results: readonly RuleResult[], gate: NonNullable<RuleResult['gate']>): boolean {
  return results.every(
    (result) => result.kind !== 'must' || result.gate !== gate || result.status === 'pass',
  );
}

/** Study load: hours per activity kind and per mode, and the total against the stated ECTS. */
export function studyLoad(design: DesignContent, hoursPerEcts: number = DEFAULT_HOURS_PER_ECTS) {
  const byKind: Record<string, number> = {};
  const byMode: Record<string, number> = {};
  let total = 0;
  for (const activity of design.activities) {
    const hours = activity.hours ?? 0;
    byKind[activity.kind] = (byKind[activity.kind] ?? 0) + hours;
    byMode[activity.mode] = (byMode[activity.mode] ?? 0) + hours;
    total += hours;
  }
  const statedHours = design.ects === null ? null : design.ects * hoursPerEcts;
  return {
    byKind,
    byMode,
    totalHours: total,
    statedHours,
    differenceHours: statedHours === null ? null : total - statedHours,
  };
}
