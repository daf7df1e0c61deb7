import type { TemplateChange } from './diff';

/** A published version number `major.minor`. */
export interface VersionNumber {
  major: number;
  minor: number;
}

/** Parses "2.3"; undefined for anything else. */
export function parseVersion(text: string): VersionNumber | undefined {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** "major.minor". */
export function formatVersion(version: VersionNumber): string {
  return `${version.major}.${version.minor}`;
}

/**
 * Whether the changes break designs made against the previous version: an outcome removed, or its
 * meaning changed (title or description). Designs refer to outcomes by id, so a new code alone or
 * an added outcome does not break them.
 */
export function requiresMajor(changes: readonly TemplateChange[]): boolean {
  return changes.some(
    (change) =>
      change.kind === 'outcome-removed' ||
      (change.kind === 'outcome-changed' &&
        change.fields.some((field) => field === 'title' || field === 'description')),
  );
}

/** The number the app proposes for the next publication. */
export function proposeVersion(
  previous: VersionNumber | undefined,
  changes: readonly TemplateChange[],
): VersionNumber {
  if (!previous) return { major: 1, minor: 0 };
  return requiresMajor(changes)
    ? { major: previous.major + 1, minor: 0 }
    : { major: previous.major, minor: previous.minor + 1 };
}

/** Why `chosen` is not allowed after `previous` given the changes (Dutch), or null when it is. */
export function versionProblem(
  previous: VersionNumber | undefined,
  chosen: VersionNumber,
  changes: readonly TemplateChange[],
): string | null {
  if (!previous) return chosen.major >= 1 ? null : 'De eerste versie is minstens 1.0.';
  const newer =
    chosen.major > previous.major || (chosen.major === previous.major && chosen.minor > previous.minor);
  if (!newer) return `Het versienummer moet hoger zijn dan ${formatVersion(previous)}.`;
  if (requiresMajor(changes) && chosen.major === previous.major) {
    return 'Er is een leeruitkomst verwijderd of inhoudelijk gewijzigd: dat vraagt een nieuwe hoofdversie.';
  }
  return null;
}
