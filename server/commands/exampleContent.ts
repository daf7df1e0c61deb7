import type * as Y from 'yjs';
import { META_MAP, sectionFragmentName } from '../../shared/editor/fields';
import { addActivity, DESIGN_KEYS, evidenceText } from '../../shared/editor/designDoc';
import { plainTextToFragment } from '../../shared/editor/templateDoc';

/**
 * The example leerarrangement a new account may explore: "Klassenmanagement in de eerste jaren",
 * against the seeded ontwikkelpad "Van start- naar vakbekwaam (voorbeeld)"
 * (server/db/seeds/templates/start-vakbekwaam.json). Its suggestions put klassenmanagement and
 * leerklimaat first in a vertical traject of 3–5 ECTS arrangements; the activities are the seed's
 * examples of learning in the work (collegiale lesbezoeken, coaching, intervisie; 001 l.340–359).
 * Left unfinished on purpose (no evidence for LU 1.1, no EVC text, no feedback yet), so the rules
 * panel shows what is still to do.
 */
export const EXAMPLE_TEMPLATE_KEY = 'voorbeeld:start-vakbekwaam';

/** Title of the example design. */
export const EXAMPLE_TITLE = 'Klassenmanagement in de eerste jaren (voorbeeld)';

/** Outcomes of the seed's ontwikkelpad the example realises (LU 1.1, 4.1, 4.2). */
export const EXAMPLE_OUTCOMES = ['sv-ped-1', 'sv-kla-1', 'sv-kla-2'] as const;

const EVIDENCE: Record<string, string> = {
  'sv-kla-1':
    'Lesobservatie door een collega met de kijkwijzer "regels en routines", en een eigen lesontwerp waarin de start en het einde van de les zijn uitgewerkt, met een korte evaluatie.',
  'sv-kla-2':
    'Twee nabesprekingen van collegiale lesbezoeken waarin de leraar laat zien hoe verstoringen werden voorkomen of aangepakt, en leerlingfeedback over de rust in de les.',
};

const SECTIONS: Record<string, string> = {
  'sec-doelgroep':
    'Startende leraren in het vo en mbo in hun eerste twee jaar na de lerarenopleiding, ook zij-instromers.\nDe regionale vraagarticulatie laat zien dat starters vooral steun vragen bij orde houden en een rustig, veilig leerklimaat.',
  'sec-leeruitkomsten':
    'LU 1.1 Veilig en uitdagend leerklimaat, LU 4.1 Structuur, regels en routines en LU 4.2 Overzicht en ingrijpen.\nDe leraar begint bij regels en routines in de eigen klas, oefent daarna het overzicht houden en ingrijpen, en verbindt beide met het leerklimaat.',
  'sec-leeractiviteiten':
    'Drie bijeenkomsten over klassenmanagement (formeel), collegiale lesbezoeken met nabespreking (non-formeel), intervisie in kleine groepen en coaching door een ervaren collega in het dagelijkse werk (informeel).\nHet is teamleren: starters van één school of regio leren samen.',
  'sec-toetsing':
    'Per leeruitkomst verzamelt de leraar bewijzen uit de eigen lespraktijk: lesobservaties, leerlingfeedback en een lesontwerp met evaluatie.',
  'sec-relatie-traject':
    'Eerste leerarrangement van het traject "Van start- naar vakbekwaam": klassenmanagement en leerklimaat eerst, daarna activerend en adaptief onderwijs.',
  'sec-materialen':
    'Kijkwijzer voor lesbezoeken (omgezet uit het inductieprogramma), presentaties van de bijeenkomsten (nieuw), intervisiemethode (bestaand).',
};

/** Writes the example's content into a design doc made by initDesignDoc, through the editor's Y paths. */
export function fillExampleDesign(doc: Y.Doc): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP);
    meta.set('ects', 3);
    meta.set('mode', 'formeel');
    meta.set('placementType', 'verticaal');
    meta.set('position', 1);
    // The target group: vo and mbo (a subset of the ontwikkelpad's sectors, R6).
    const sectors = doc.getMap<boolean>(DESIGN_KEYS.sectors);
    sectors.delete('po');
    const targeted = doc.getMap<boolean>(DESIGN_KEYS.targetedOutcomes);
    for (const id of EXAMPLE_OUTCOMES) targeted.set(id, true);
    for (const [id, text] of Object.entries(EVIDENCE)) evidenceText(doc, id).insert(0, text);
    doc
      .getText(DESIGN_KEYS.trajectRelation)
      .insert(0, 'Stap 1 van het traject; de volgende leerarrangementen bouwen erop voort.');
    for (const [sectionId, text] of Object.entries(SECTIONS)) {
      const fragment = doc.getXmlFragment(sectionFragmentName(sectionId));
      fragment.delete(0, fragment.length);
      plainTextToFragment(fragment, text);
    }
  });
  addActivity(doc, {
    title: 'Bijeenkomsten klassenmanagement',
    kind: 'workshop',
    mode: 'formeel',
    hours: 24,
    materialStatus: 'nieuw',
  });
  addActivity(doc, {
    title: 'Collegiale lesbezoeken met nabespreking',
    kind: 'werkplekleren',
    mode: 'non-formeel',
    hours: 30,
    materialStatus: 'omgezet-opgewerkt',
  });
  addActivity(doc, {
    title: 'Intervisie en coaching door een ervaren collega',
    kind: 'intervisie',
    mode: 'informeel',
    hours: 30,
    materialStatus: 'bestaand',
  });
}
