import { useCallback, useRef, useState } from 'react';

/** A polite announcement for screen readers (moves and removals change the page silently otherwise). */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  // The same message twice would not be announced again: every other one gets a trailing space.
  const flip = useRef(false);
  const announce = useCallback((next: string) => {
    flip.current = !flip.current;
    setMessage(flip.current ? next : `${next}\u00a0`);
  }, []);
  return [message, announce];
}
