/**
 * Dutch messages of vastgestelde ontwikkelpaden, the licence per team, the reuse and agreement
 * notes (001 l.281, 283) and the traject's study-load range. Spread into `nl.ts`; `enFrames.ts`
 * mirrors it.
 */
export const nlFrames = {
  'frames.concept': 'Concept-versie',
  'frames.conceptTitle': 'Ontwikkelpad nog niet vastgesteld',
  'frames.established': 'Vastgesteld',
  'frames.notEstablished': 'Ontwikkelpad nog niet vastgesteld',
  'frames.notEstablishedDesign':
    'Ontwikkelpad nog niet vastgesteld: dit leerarrangement volgt een concept-versie. Het atelier kan die nog vaststellen of herzien.',
  'frames.notEstablishedTraject':
    'Ontwikkelpad nog niet vastgesteld: dit traject volgt een concept-versie van het ontwikkelpad.',
  'frames.establishHeading': 'Vaststellen',
  'frames.establishHint':
    'Een gepubliceerde versie is een concept-versie tot een tweede lid van het atelier of de eigenaar haar vaststelt (vier ogen).',
  'frames.establish': 'Versie vaststellen',
  'frames.establishConfirm': 'Versie {version} vaststellen? Dat kan niet worden teruggedraaid.',
  'frames.establishYes': 'Ja, vaststellen',
  'frames.establishOwn':
    'Je hebt deze versie zelf gepubliceerd: een ander lid van het atelier of de eigenaar stelt haar vast.',
  'frames.establishedAt': 'Vastgesteld op {date}.',
  'frames.establishedExample': 'Voorbeeld van het platform: vastgesteld.',

  'frames.licenseHeading': 'Licentie',
  'frames.licenseHint':
    'Wat jullie team publiceert, is publiek toegankelijk en herbruikbaar (open source-principe). Kies de open licentie waaronder het in de catalogus komt. Een nieuwe keuze geldt voor wat daarna wordt goedgekeurd; wat al gepubliceerd is, houdt zijn licentie.',
  'frames.licenseLabel': 'Licentie voor publicaties',
  'frames.licenseSuggested': '{license} is voorgesteld; jullie hebben nog niet gekozen.',
  'frames.licenseChosen': 'Gekozen licentie:',
  'frames.licenseSave': 'Licentie opslaan',
  'frames.licenseSaving': 'Opslaan…',
  'frames.licenseSaved': 'Licentie opgeslagen: {license}.',
  'frames.licenseOwnerOnly': 'De eigenaar van het team kiest de licentie.',
  'frames.licenseOption.CC BY 4.0': 'CC BY 4.0 — delen en bewerken, met naamsvermelding',
  'frames.licenseOption.CC BY-SA 4.0':
    'CC BY-SA 4.0 — delen en bewerken, met naamsvermelding en onder dezelfde licentie (voorgesteld)',
  'frames.licenseOption.CC BY-NC-SA 4.0':
    'CC BY-NC-SA 4.0 — delen en bewerken, met naamsvermelding, niet commercieel en onder dezelfde licentie',
  'frames.catalogLicenseGeneral':
    'Alles in de catalogus is publiek en herbruikbaar onder een open licentie die het co-creatieteam koos ({licenses}); die staat bij elk leerarrangement en traject.',
  'frames.catalogLicenseBefore': 'Gepubliceerd onder de licentie',
  'frames.licenseTerms.CC BY 4.0': ': je mag het delen en bewerken, met naamsvermelding.',
  'frames.licenseTerms.CC BY-SA 4.0':
    ': je mag het delen en bewerken, met naamsvermelding en onder dezelfde licentie.',
  'frames.licenseTerms.CC BY-NC-SA 4.0':
    ': je mag het delen en bewerken, met naamsvermelding, niet commercieel en onder dezelfde licentie.',
  'frames.reuseResponsibility':
    'Wie een leerarrangement of traject overneemt, is er zelf verantwoordelijk voor dat de kwaliteit ervan in orde blijft. Vermeld de bron en volg de licentie ({license}).',

  'frames.agreementNote':
    'Van {team}. Wie een leerarrangement aanbiedt binnen het traject van een andere aanbieder, maakt daarover afspraken met die aanbieder, zodat leraren zien hoe het in het geheel past.',
  'frames.agreementLabel': 'Afspraak gemaakt met {team}',
  'frames.agreementOwnerOnly': 'De eigenaar van het team legt vast dat de afspraak is gemaakt.',
  'frames.agreementMade': 'Afspraak gemaakt met {team}.',
  'frames.agreementMissing': 'Nog geen afspraak vastgelegd met {team}.',

  'frames.range': '{min}–{max}',
  'frames.totalsHint': 'Bij alternatieven telt de lichtste tot de zwaarste route, niet de som.',
  'frames.trajectSizeRange': '{ects}–{ectsMax} ECTS · {hours}–{hoursMax} uur',

  'audit.template.established': '{actor} heeft versie {version} van „{title}” vastgesteld',
  'audit.team.license_changed': '{actor} heeft de licentie van het team gewijzigd',
  'audit.traject.agreement_changed':
    '{actor} heeft een afspraak met een andere aanbieder vastgelegd of ingetrokken',
} as const satisfies Record<string, string>;

export type FramesMessageKey = keyof typeof nlFrames;
