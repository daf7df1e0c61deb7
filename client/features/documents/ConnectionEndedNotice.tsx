import { useT } from '../../i18n/I18nProvider';
import type { ConnectionEnd } from '../../collab/ConnectionEndTracker';
import { Link } from '../../app/Link';
import { documentPath, loginPath } from '../../app/router';

/**
 * Why the document stopped syncing for good, in place of "Offline": the session ended (4401 → log
 * in again and come back here), access was withdrawn (4403) or the document reached its size limit
 * (4413: the change that passed it is lost; a reload shows what is stored).
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
      ) : reason === 'documentTooLarge' ? (
        <>
          <p>{t('editor.documentTooLarge')}</p>
          <p>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              {t('editor.reload')}
            </button>
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
