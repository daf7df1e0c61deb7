import type { DocumentSummary } from '../../shared/schemas/documents';

/** The client path of a document's editor (what notifications link to). */
export function documentPath(document: DocumentSummary): string {
  const id = encodeURIComponent(document.id);
  if (document.kind === 'leerarrangement') return `/ontwerpen/${id}`;
  if (document.kind === 'ontwikkelpad') return `/ontwikkelpaden/${id}`;
  return `/d/${id}`;
}

/** The reviewer's page of a round. */
export function roundPath(roundId: string): string {
  return `/ronde/${encodeURIComponent(roundId)}`;
}

/** The team's view of a round: the document's editor with the round chosen. */
export function teamRoundPath(document: DocumentSummary, roundId: string): string {
  return `${documentPath(document)}?ronde=${encodeURIComponent(roundId)}`;
}

/** A team's page (members, "Team verlaten", review requests). */
export function teamPath(teamId: string): string {
  return `/teams/${encodeURIComponent(teamId)}`;
}
