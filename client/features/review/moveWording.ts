import type { DesignStatus } from '../../../shared/domain/lifecycle';
import type { ReviewMessageKey } from '../../i18n/nlReview';

/**
 * How the lifecycle panel words a move that has a name of its own, and the consequence its
 * confirmation names: submitting, withdrawing and parking ask first (approval and rejection are
 * the toetsingscommissie's, confirmed on its review page).
 */
export function moveWording(
  from: DesignStatus,
  to: DesignStatus,
): { label: ReviewMessageKey | null; confirm: ReviewMessageKey | null } {
  if (to === 'aangemeld-externe-toetsing')
    return { label: 'lifecycle.move.submit', confirm: 'lifecycle.confirm.submit' };
  if (from === 'aangemeld-externe-toetsing' && to === 'interne-toetsing')
    return { label: 'lifecycle.move.withdraw', confirm: 'lifecycle.confirm.withdraw' };
  if (to === 'geparkeerd') return { label: 'lifecycle.move.park', confirm: 'lifecycle.confirm.park' };
  if (from === 'geparkeerd') return { label: 'lifecycle.move.reopen', confirm: null };
  return { label: null, confirm: null };
}
