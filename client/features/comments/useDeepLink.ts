import { useCallback, useEffect, useState } from 'react';
import type { CommentThread } from '../../../shared/schemas/rounds';
import { useSearchParam } from '../../app/router';
import type { CommentsRegistry } from './CommentsRegistry';
import { focusAnchor } from './focusAnchor';
import { scrollToThread } from './threadDom';

/**
 * Which round's threads the panel shows and which thread is active. A notification's link says which
 * thread (?reactie=) and, for a round's thread seen by the team on the live draft, which round
 * (?ronde=); the user's own choice wins afterwards, until another link is followed.
 */
export function useLinkedSelection(roundId: string | null) {
  const linked = useSearchParam('reactie');
  const linkedRound = useSearchParam('ronde');
  const [chosenRound, setRound] = useState<string | undefined>(undefined);
  const round = chosenRound ?? (roundId === null && linkedRound ? linkedRound : 'live');
  // The choice remembers the link it was made under: following a new link (a notification while
  // the document is open) makes the linked thread active again.
  const [chosen, setChosen] = useState<{ under: string | null; id: string | null } | null>(null);
  const activeId = chosen && chosen.under === linked ? chosen.id : linked;
  const setActiveId = useCallback((id: string | null) => setChosen({ under: linked, id }), [linked]);
  return { linked, round, setRound, activeId, setActiveId };
}

/**
 * Arriving through a link (a notification): once the linked thread is loaded, its anchored text is
 * scrolled to and focused (the caret at its start) beside its active card; the panel opens unless
 * the card is in the margin. A thread on the whole document is focused in the panel.
 */
export function useRevealLinkedThread(
  linked: string | null,
  threads: CommentThread[] | null,
  registry: CommentsRegistry | null,
  localAnchors: boolean,
) {
  const thread = linked ? threads?.find((item) => item.id === linked) : undefined;
  const found = thread !== undefined;
  useEffect(() => {
    if (!thread) return undefined;
    if (!registry?.marginMode || !thread.anchor) registry?.setPanelOpen(true);
    if (!registry || !localAnchors || !thread.anchor) {
      scrollToThread(thread.id);
      return undefined;
    }
    return focusAnchor(registry, thread, () => scrollToThread(thread.id));
    // Once per link: later changes of the thread (a reply) must not move the reader again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked, found, registry, localAnchors]);
}
