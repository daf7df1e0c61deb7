/** The client path of a submission's review page (what the committee's notifications link to). */
export function reviewPath(assignmentId: string): string {
  return `/toetsing/${encodeURIComponent(assignmentId)}`;
}
