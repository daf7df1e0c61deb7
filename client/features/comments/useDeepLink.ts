import { useEffect, useState } from 'react';
import type { CommentThread } from '../../../shared/schemas/rounds';
import { useSearchParam } from '../../app/router';
import type { CommentsRegistry } from './CommentsRegistry';
import { scrollToThread } from './threadDom';

/**
 * Which round's threads the panel shows and which thread is active. A notification's link says which
 * thread (?reactie=) and, for a round's thread seen by the team on the live draft, which round
 * (?ronde=); the user's own choice wins afterwards.
 */
export function useLinkedSelection(roundId: string | null) {
  const linked = useSearchParam('reactie');
  const linkedRound = useSearchParam('ronde');
  const [chosenRound, setRound] = useState<string | undefined>(undefined);
  const round = chosenRound ?? (roundId === null && linkedRound ? linkedRound : 'live');
  const [chosenId, setActiveId] = useState<string | null | undefined>(undefined);
  // A linked thread is active until the user picks another.
  const activeId = chosenId === undefined ? linked : chosenId;
  return { linked, round, setRound, activeId, setActiveId };
}

/** Arriving through a link: opens the panel and brings the linked thread into view once it is loaded. */
export function useRevealLinkedThread(
  linked: string | null,
  threads: CommentThread[] | null,
  registry: CommentsRegistry | null,
) {
  const linkedLoaded = linked !== null && (threads?.some((thread) => thread.id === linked) ?? false);
  useEffect(() => {
    if (!linked || !linkedLoaded) return;
    registry?.setPanelOpen(true);
    scrollToThread(linked);
  }, [linked, linkedLoaded, registry]);
}
