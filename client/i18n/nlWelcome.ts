/** Dutch messages of the landing page and the first steps of a new account. `enWelcome.ts` mirrors it. */
export const nlWelcome = {
  'welcome.pageTitle': 'Werkplaats — samen leerarrangementen ontwerpen',
  'welcome.heading': 'Samen leerarrangementen ontwerpen',
  'welcome.line1':
    'Werkplaats is de werkruimte waarin co-creatieteams leerarrangementen voor de professionalisering van leraren ontwerpen — tegelijk, in één document.',
  'welcome.line2':
    'Je ontwerpt tegen de ontwikkelpaden van de ateliers, de regels van het stelsel kijken mee, en je vraagt feedback aan leraren, scholen, opleiders en andere labs.',
  'welcome.line3':
    'Elke versie blijft bewaard; goedgekeurde ontwerpen staan in de openbare catalogus, voor iedereen om te hergebruiken.',
  'welcome.signup': 'Account aanmaken',
  'welcome.login': 'Inloggen',
  'welcome.catalog': 'Bekijk de catalogus',
  'welcome.termsHeading': 'Begrippen',
  'welcome.term.ontwikkelpad': 'Wat is een ontwikkelpad?',
  'welcome.term.ontwikkelpadText':
    'Een door een atelier vastgesteld kader voor een rol of specialisatie van leraren (bijvoorbeeld startbekwaam → vakbekwaam): de leeruitkomsten, geordend in thema’s, met het niveau en de sectoren waarvoor het geldt.',
  'welcome.term.leerarrangement': 'Wat is een leerarrangement?',
  'welcome.term.leerarrangementText':
    'Een samenhangend aanbod waarmee leraren een of meer leeruitkomsten van een ontwikkelpad bereiken: leeractiviteiten, studielast, toetsing en bewijzen, erkenning van eerder verworven competenties. Meerdere leerarrangementen samen vormen een professionaliseringstraject.',
  'welcome.term.rules': 'Wat zijn R1–R13?',
  'welcome.term.rulesText':
    'De regels uit de brondocumenten waaraan een ontwerp moet voldoen, zoals de omvang (R3), leeruitkomsten uit het ontwikkelpad (R4), bewijs per leeruitkomst (R7) en feedback van leraren, scholen of opleiders (R13). Werkplaats controleert ze terwijl je schrijft.',

  'firstRun.heading': 'Zo begin je',
  'firstRun.step1':
    'Maak een co-creatieteam aan (hieronder), of open de uitnodigingslink die je van een teameigenaar kreeg.',
  'firstRun.step3': 'Schrijf samen, zet een versie klaar en vraag er feedback op.',
  'firstRun.library': 'Naar de bibliotheek',
  'firstRun.catalog': 'Voorbeelden in de catalogus',
} as const satisfies Record<string, string>;
