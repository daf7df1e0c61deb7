import type { PersonRef } from '../../shared/schemas/rounds';

/** ISO time of a stored millisecond timestamp (null stays null). */
export const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** A person as responses show them; a deleted account keeps its id but no name. */
export function person(id: string | null, name: string | null | undefined): PersonRef | null {
  return id ? { id, name: name ?? 'Verwijderd account' } : null;
}

/** People sorted by name (Dutch collation). */
export function sortedPeople(people: Map<string, PersonRef>): PersonRef[] {
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
