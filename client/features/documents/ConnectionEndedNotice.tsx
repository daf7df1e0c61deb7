import { useT } from '../../i18n/I18nProvider';
import type { ConnectionEnd } from '../../collab/ConnectionEndTracker';
import { Link } from '../../app/Link';
import { documentPath, loginPath } from '../../app/router';

/**
 * Why the document stopped syncing for good, in place of "Offline": the session ended (4401 → log
 * in again and come back here) or access was withdrawn (4403).
 */
export function ConnectionEndedNotice({ reason, docId }: { reason: ConnectionEnd; docId: string }) {
  const t = useT();
  return (
    <div
      className="notice notice--warning connection-ended"
      role="alert"
      data-testid="connection-ended"
      data-reason={reason}
    >
      {reason === 'sessionEnded' ? (
        <>
          <p>{t('editor.sessionEnded')}</p>
          <p>
            {/* A full page load: the new session cookie must reach a fresh socket and page state. */}
            <a href={loginPath(documentPath(docId))} className="button button--primary">
              {t('editor.loginAgain')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t('editor.accessWithdrawn')}</p>
          <p>
            <Link to="/" className="button button--primary">
              {t('common.toMyTeams')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
