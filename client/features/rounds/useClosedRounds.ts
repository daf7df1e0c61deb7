import { useEffect, useState } from 'react';
import { listRounds } from './roundsApi';

/**
 * How many feedback rounds of the document are closed (rule R13 in the live checks); null until
 * known (R13 then reads "pending"). Rounds close on the rounds page or at their deadline, so this
 * reloads when the window regains focus rather than holding another event stream open.
 */
export function useClosedRounds(docId: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => {
      listRounds(docId)
        .then((rounds) => {
          if (active) setCount(rounds.filter((round) => round.status !== 'open').length);
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
  return count;
}
