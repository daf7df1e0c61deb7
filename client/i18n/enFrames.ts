import type { FramesMessageKey } from './nlFrames';

/** English messages of established development paths, licences, reuse and agreement notes. */
export const enFrames: Record<FramesMessageKey, string> = {
  'frames.concept': 'Draft version',
  'frames.conceptTitle': 'Ontwikkelpad not yet established',
  'frames.established': 'Established',
  'frames.notEstablished': 'Ontwikkelpad not yet established',
  'frames.notEstablishedDesign':
    'Ontwikkelpad not yet established: this leerarrangement follows a draft version. The atelier may still establish or revise it.',
  'frames.notEstablishedTraject':
    'Ontwikkelpad not yet established: this traject follows a draft version of the ontwikkelpad.',
  'frames.establishHeading': 'Establish',
  'frames.establishHint':
    'A published version is a draft version until a second member of the atelier or its owner establishes it (four eyes).',
  'frames.establish': 'Establish version',
  'frames.establishConfirm': 'Establish version {version}? This cannot be undone.',
  'frames.establishYes': 'Yes, establish',
  'frames.establishOwn':
    'You published this version yourself: another member of the atelier or its owner establishes it.',
  'frames.establishedAt': 'Established on {date}.',
  'frames.establishedExample': 'Example of the platform: established.',

  'frames.licenseHeading': 'Licence',
  'frames.licenseHint':
    'What your team publishes is public and reusable (open-source principle). Choose the open licence it enters the catalogue under. A new choice applies to what is approved afterwards; what is already published keeps its licence.',
  'frames.licenseLabel': 'Licence for publications',
  'frames.licenseSuggested': '{license} is suggested; your team has not chosen yet.',
  'frames.licenseChosen': 'Chosen licence:',
  'frames.licenseSave': 'Save licence',
  'frames.licenseSaving': 'Saving…',
  'frames.licenseSaved': 'Licence saved: {license}.',
  'frames.licenseOwnerOnly': 'The team’s owner chooses the licence.',
  'frames.licenseOption.CC BY 4.0': 'CC BY 4.0 — share and adapt, with attribution',
  'frames.licenseOption.CC BY-SA 4.0':
    'CC BY-SA 4.0 — share and adapt, with attribution and under the same licence (suggested)',
  'frames.licenseOption.CC BY-NC-SA 4.0':
    'CC BY-NC-SA 4.0 — share and adapt, with attribution, non-commercially and under the same licence',
  'frames.catalogLicenseGeneral':
    'Everything in the catalogue is public and reusable under an open licence its co-creatieteam chose ({licenses}); it is shown with every leerarrangement and traject.',
  'frames.catalogLicenseBefore': 'Published under the licence',
  'frames.licenseTerms.CC BY 4.0': ': you may share and adapt it, with attribution.',
  'frames.licenseTerms.CC BY-SA 4.0':
    ': you may share and adapt it, with attribution and under the same licence.',
  'frames.licenseTerms.CC BY-NC-SA 4.0':
    ': you may share and adapt it, with attribution, non-commercially and under the same licence.',
  'frames.reuseResponsibility':
    'Whoever takes over a leerarrangement or traject is responsible for keeping its quality in order. Credit the source and follow the licence ({license}).',

  'frames.agreementNote':
    'From {team}. A provider offering a leerarrangement within another provider’s traject makes agreements with that provider, so teachers see how it fits the whole.',
  'frames.agreementLabel': 'Agreement made with {team}',
  'frames.agreementOwnerOnly': 'The team’s owner records that the agreement was made.',
  'frames.agreementMade': 'Agreement made with {team}.',
  'frames.agreementMissing': 'No agreement recorded yet with {team}.',

  'frames.range': '{min}–{max}',
  'frames.totalsHint': 'With alternatives, the lightest to the heaviest route counts, not the sum.',
  'frames.trajectSizeRange': '{ects}–{ectsMax} ECTS · {hours}–{hoursMax} hours',

  'audit.template.established': '{actor} established version {version} of “{title}”',
  'audit.team.license_changed': '{actor} changed the team’s licence',
  'audit.traject.agreement_changed': '{actor} recorded or withdrew an agreement with another provider',
};
