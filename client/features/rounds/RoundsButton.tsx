import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../app/Link';
import { roundsPath } from '../../app/router';
import { MessagesSquare } from 'lucide-react';

/** "Feedbackrondes" beside "Versies" in the editors: opens the document's rounds page. */
export function RoundsButton({ docId, kind }: { docId: string; kind?: string }) {
  const t = useT();
  return (
    <Link to={roundsPath(docId, kind)} className="button button--small" data-testid="rounds-open">
      <MessagesSquare aria-hidden="true" />
      {t('rounds.heading')}
    </Link>
  );
}
