/**
 * Dutch messages of the example design, the help texts of the seeds' terms and the compact rules
 * panel. `enExample.ts` mirrors it. Term texts follow the seeds: co-creatieteam 001 l.147–164,
 * traject 001 l.316–330, feedbackronde 001 l.239–241 and DOMAIN.md "Feedback rounds",
 * toetsingscommissie 001 l.263–273 and 000 l.1394; the rules are DOMAIN.md's table R1–R13.
 */
export const nlExample = {
  'example.heading': 'Verken een voorbeeld',
  'example.text':
    'Een ingevuld leerarrangement in een eigen voorbeeldteam, alleen voor jou: kijk rond, typ erin en zie de regels meekijken.',
  'example.open': 'Verken een voorbeeld',
  'example.opening': 'Voorbeeld wordt gemaakt…',
  'example.reopen': 'Open je voorbeeld',
  'example.delete': 'Voorbeeld verwijderen',
  'example.deleteContext': 'je voorbeeldteam met alles erin',
  'example.deleteQuestion': 'Je voorbeeldteam en alles erin verwijderen? Dit kan niet ongedaan worden.',
  'example.deleted': 'Je voorbeeldteam is verwijderd.',
  'example.badge': 'Voorbeeld',
  'example.ownStep':
    'Start een eigen ontwerp vanuit een voorbeeld-ontwikkelpad: open het in de bibliotheek en kies daar "Leerarrangement ontwerpen" (dat kan zodra je in een co-creatieteam zit).',
  'example.ownStepLink': 'Open "{title}"',

  'serverError.team_has_members':
    'Er werken anderen mee in je voorbeeldteam. Verlaat het team, of haal eerst de andere leden eruit.',

  'term.traject': 'Wat is een professionaliseringstraject?',
  'term.trajectText':
    'Het samenhangende aanbod (het "hoe") waarmee leraren alle leeruitkomsten van één ontwikkelpad bereiken: hoogstens 6 tot 10 leerarrangementen, in een vaste volgorde (verticaal) of in een eigen route (horizontaal).',
  'term.feedbackronde': 'Wat is een feedbackronde?',
  'term.feedbackrondeText':
    'Een vastgezette versie van je ontwerp die je voorlegt aan leraren, scholen, opleiders of andere co-creatieteams, met richtvragen en een deadline. Daarna verwerk je elk feedbackpunt zichtbaar. Feedback van leraren, scholen of opleiders is verplicht vóór de interne toetsing.',
  'term.cocreatieteam': 'Wat is een co-creatieteam?',
  'term.cocreatieteamText':
    'Het team van een co-creatielab: leraren, werkgevers, publieke lerarenopleiders en private aanbieders die op basis van gelijkwaardigheid samen leerarrangementen en professionaliseringstrajecten ontwerpen. Een atelier schrijft de ontwikkelpaden.',
  'term.toetsingscommissie': 'Wat is een toetsingscommissie?',
  'term.toetsingscommissieText':
    'Een onafhankelijke groep deskundigen van het kwaliteitsborgingsstelsel die aangemeld aanbod objectief toetst: goedgekeurd komt het op het platform, afgekeurd gaat het terug om op te werken.',

  'rules.summary': '{passed} van {total} voldaan',
  'rules.details': 'Toelichting',
  'rules.about': 'Wat de regel vraagt',
  'rules.now': 'Nu',
  'rules.source': 'Bron',
  'rules.sourceText': 'Handreiking voor consortia en co-creatielabs (001), regel {lines}',
  'rules.goTo': 'Ga naar het veld',
  'rules.R1.short': 'Alle leeruitkomsten gedekt',
  'rules.R1.about':
    'Samen dekken de leerarrangementen van een traject elke leeruitkomst van het ontwikkelpad.',
  'rules.R2.short': 'Hoogstens 6 tot 10 leerarrangementen',
  'rules.R2.about': 'Een traject bestaat uit hoogstens 6 tot 10 leerarrangementen.',
  'rules.R3.short': 'Omvang 3–5 ECTS',
  'rules.R3.about':
    'Een formeel leerarrangement is 3 tot 5 ECTS, afhankelijk van het aantal leerarrangementen.',
  'rules.R4.short': 'Leeruitkomsten gekozen',
  'rules.R4.about': 'Het leerarrangement noemt de leeruitkomsten van het ontwikkelpad die het realiseert.',
  'rules.R5.short': 'Niveau klopt',
  'rules.R5.about': 'Het NLQF-niveau is dat van het ontwikkelpad.',
  'rules.R6.short': 'Sectoren binnen het ontwikkelpad',
  'rules.R6.about': 'De sectoren vallen binnen die van het ontwikkelpad.',
  'rules.R7.short': 'Bewijs per leeruitkomst',
  'rules.R7.about':
    'Voor elke gekozen leeruitkomst staat beschreven hoe de leraar laat zien dat die bereikt is.',
  'rules.R8.short': 'Plaats in het traject',
  'rules.R8.about':
    'Verticaal: de stap in de volgorde. Horizontaal: de leervorm (collectief, team of individueel).',
  'rules.R9.short': 'Samenhang met het traject',
  'rules.R9.about': 'Het leerarrangement beschrijft hoe het samenhangt met het hele traject.',
  'rules.R10.short': 'Erkenning (EVC)',
  'rules.R10.about': 'Er staat beschreven hoe eerder verworven competenties worden erkend.',
  'rules.R11.short': 'Status van materialen',
  'rules.R11.about': 'Elk onderdeel is nieuw, omgezet/opgewerkt of bestaand.',
  'rules.R12.short': 'Derden benoemd',
  'rules.R12.about': 'Delen die derden verzorgen zijn benoemd; het consortium blijft verantwoordelijk.',
  'rules.R13.short': 'Feedback van leraren, scholen of opleiders',
  'rules.R13.about':
    'Vóór de interne toetsing heeft het prototype systematisch feedback gehad van leraren, scholen of lerarenopleiders buiten het team, en is elk punt verwerkt.',
} as const satisfies Record<string, string>;
