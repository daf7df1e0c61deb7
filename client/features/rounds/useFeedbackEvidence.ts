import { useEffect, useState } from 'react';
import type { ClosedRoundEvidence } from '../../../shared/domain/design/feedback';
import { roundFeedback } from './roundsApi';

/**
 * What rule R13 weighs of the document's closed rounds (perspectives that submitted, untriaged
 * items), for the live checks; null until known (R13 then reads "pending"). Rounds close and are
 * triaged on the rounds pages or at their deadline, so this reloads when the window regains focus
 * rather than holding another event stream open.
 */
export function useFeedbackEvidence(docId: string): ClosedRoundEvidence[] | null {
  const [evidence, setEvidence] = useState<ClosedRoundEvidence[] | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => {
      roundFeedback(docId)
        .then((feedback) => {
          if (active) setEvidence(feedback);
        })
        .catch(() => undefined);
    };
    load();
    window.addEventListener('focus', load);
    return () => {
      active = false;
      window.removeEventListener('focus', load);
    };
  }, [docId]);
  return evidence;
}
