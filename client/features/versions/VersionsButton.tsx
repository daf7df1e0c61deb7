import { useId, useState } from 'react';
import type { DocumentKind } from '../../../shared/schemas/documents';
import { Dialog } from '../../ui/Dialog';
import { useT } from '../../i18n/I18nProvider';
import { VersionsPanel } from './VersionsPanel';
import { History } from 'lucide-react';

/**
 * "Versies": a button that opens the timeline of any collaborative document (section document,
 * ontwikkelpad draft, design) in a dialog — save a version, open one read-only, compare it with the
 * current state, restore it (the restored content arrives live in the open editor).
 */
export function VersionsButton({
  docId,
  kind,
  canEdit,
  onRestored,
}: {
  docId: string;
  /** The kind of the document, from the editor that shows it: decides which editor opens a version. */
  kind: DocumentKind;
  /** `document.edit` (and not frozen): save and restore. */
  canEdit: boolean;
  onRestored?: () => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid="versions-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <History aria-hidden="true" />
        {t('versions.open')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={headingId} testId="versions-dialog" wide>
        <h2 id={headingId} tabIndex={-1} className="dialog__heading">
          {t('versions.heading')}
        </h2>
        {open ? (
          <VersionsPanel
            docId={docId}
            kind={kind}
            canEdit={canEdit}
            onClose={() => setOpen(false)}
            {...(onRestored ? { onRestored } : {})}
          />
        ) : null}
      </Dialog>
    </>
  );
}
