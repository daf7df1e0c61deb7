import type { VersionSummary } from './versionsApi';

/** A native select of a document's versions by label, after one first option with its own meaning. */
export function VersionSelect({
  id,
  value,
  onChange,
  testId,
  versions,
  first,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  versions: VersionSummary[];
  /** The option before the versions ("huidige stand", "geen versie"); none when left out. */
  first?: { value: string; label: string };
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      {first ? <option value={first.value}>{first.label}</option> : null}
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {version.label}
        </option>
      ))}
    </select>
  );
}
