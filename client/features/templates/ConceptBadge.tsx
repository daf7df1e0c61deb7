import '../../styles/frames.css';
import { useT } from '../../i18n/I18nProvider';

/**
 * "Ontwikkelpad nog niet vastgesteld" next to a version that is still a concept-versie (001 l.70);
 * nothing for a vastgesteld one.
 */
export function ConceptBadge({ established }: { established: boolean }) {
  const t = useT();
  if (established) return null;
  return (
    <>
      {' '}
      <span className="badge badge--concept" data-testid="concept-badge">
        {t('frames.notEstablished')}
      </span>
    </>
  );
}
