import type { TemplateChange } from '../../../shared/domain/template/diff';
import { useT } from '../../i18n/I18nProvider';
import { describeTemplateChange } from '../../i18n/templateChanges';

/** Whether a change adds, removes or alters something: the list marks each with a symbol. */
function tone(change: TemplateChange): 'added' | 'removed' | 'changed' {
  if (change.kind === 'outcome-added' || change.kind === 'section-added') return 'added';
  if (change.kind === 'outcome-removed' || change.kind === 'section-removed') return 'removed';
  return 'changed';
}

/**
 * The changes between two versions as a list of sentences; the diff page and the publish dialog
 * both use it. The +/−/~ marker is drawn by CSS (not part of the text) and the sentence itself
 * says what happened, so nothing depends on colour.
 */
export function TemplateChangeList({
  changes,
  labelledBy,
}: {
  changes: readonly TemplateChange[];
  /** id of the heading that names the list. */
  labelledBy: string;
}) {
  const t = useT();
  return (
    <ul className="change-list" aria-labelledby={labelledBy} data-testid="diff-changes">
      {changes.map((change, index) => (
        <li
          // The list is derived and never reordered in place, so the index is a stable key.
          key={index}
          className={`change-list__item change-list__item--${tone(change)}`}
          data-testid="diff-change"
          data-kind={change.kind}
        >
          {describeTemplateChange(change, t)}
        </li>
      ))}
    </ul>
  );
}
