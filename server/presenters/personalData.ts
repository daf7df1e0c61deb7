import type { Criterion } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** The user's own comments, replies and review answers, as their personal-data export lists them. */
export async function presentContributions(deps: Pick<AppDeps, 'stores'>, userId: string) {
  const comments = await deps.stores.rounds.commentsBy(userId);
  const responses = await deps.stores.rounds.responsesBy(userId);
  return {
    comments: comments.map((row) => ({
      id: row.id,
      // A thread is its first message: everything else in it is a reply.
      isReply: row.thread_id !== row.id,
      threadId: row.thread_id,
      document: { id: row.doc_id, title: row.document_title },
      round: row.round_id ? { id: row.round_id, title: row.round_title } : null,
      body: row.body,
      createdAt: iso(row.created_at),
      editedAt: iso(row.edited_at),
    })),
    reviewAnswers: responses.map((row) => {
      const criterion = (JSON.parse(row.criteria) as Criterion[]).find(
        (candidate) => candidate.id === row.criterion_id,
      );
      return {
        round: { id: row.round_id, title: row.round_title },
        document: row.document_title,
        criterion: criterion?.title ?? row.criterion_id,
        score: row.score,
        text: row.text,
        updatedAt: iso(row.updated_at),
        submittedAt: iso(row.submitted_at),
        perspective: row.perspective,
      };
    }),
  };
}
