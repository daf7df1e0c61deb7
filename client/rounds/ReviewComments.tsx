import type * as Y from 'yjs';

/**
 * The round's comments beside the frozen version. The comments side panel comes from the comments
 * work (client/comments/CommentsPanel.tsx); this seam keeps the review page independent of it.
 */
export function ReviewComments(_props: {
  docId: string;
  roundId: string;
  ydoc: Y.Doc;
  canComment: boolean;
  currentUserId: string;
}) {
  return null;
}
