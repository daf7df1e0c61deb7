import type { QualityMessageKey } from './nlQuality';

/** English messages of the feedback requirement and interne toetsing; the keys of `nlQuality.ts`. */
export const enQuality: Record<QualityMessageKey, string> = {
  'quality.perspective.legend': 'I give feedback as',
  'quality.perspective.hint':
    'Required when sending. Interne toetsing needs feedback from teachers, schools or teacher educators; feedback from other co-creatieteams comes on top of that.',
  'quality.perspective.required':
    'First choose whom you give feedback as: teacher, school, teacher educator, another co-creatieteam or other.',
  'quality.perspective.leraar': 'Teacher',
  'quality.perspective.school': 'School',
  'quality.perspective.lerarenopleider': 'Teacher educator',
  'quality.perspective.cocreatieteam': 'Another co-creatieteam',
  'quality.perspective.anders': 'Other',
  'quality.perspective.label': 'Perspective',
  'quality.perspective.none': 'not stated',
  'quality.perspectives.heading': 'Sent per perspective',
  'quality.perspectives.none': 'Nobody has sent feedback with a perspective yet.',
  'quality.origin.legend': 'Kind of offer',
  'quality.origin.nieuw': 'New design — starts as globaal ontwerp',
  'quality.origin.bestaand': 'Existing offer — straight to interne toetsing',
  'quality.origin.existing': 'Existing offer',
  'quality.internalReview.heading': 'Interne toetsing',
  'quality.internalReview.hint':
    'Answer the questions of the interne toetsing. The decision — voldoet, opwerken or past niet — is taken afterwards by the owner as a status step.',
  'quality.internalReview.q.vraagarticulatie':
    'What does the regional demand articulation show, where is the need greatest, and does it fit within an ontwikkelpad?',
  'quality.internalReview.q.bestaandAanbod':
    'What fitting offer already exists within the context of the Educatief Consortium?',
  'quality.internalReview.q.opwerken':
    'Is there offer that still has to be reworked to fit the frames of the ontwikkelpad and/or the quality frame? If so, will that happen inside or outside the co-creatielab?',
  'quality.internalReview.q.direct':
    'Is there offer that already meets both the ontwikkelpaden and the quality frames, so that it can go straight to the quality assurance system?',
};
