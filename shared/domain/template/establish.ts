import { can, type Role } from '../roles';

/**
 * Four eyes on an ontwikkelpad version (001 l.70 "vastgestelde ontwikkelpaden"; 000 ~l.941: the
 * facilitators safeguard quality): it is set vastgesteld by a member of its atelier who may publish
 * and is not the one who published it, or by the atelier's owner, who answers for the atelier's
 * output and may confirm a version alone (also their own: an atelier of one has no second member).
 */
export function mayEstablish(input: {
  role: Role | undefined | null;
  userId: string;
  publishedBy: string | null;
}): boolean {
  if (can(input.role, 'template.establishAlone')) return true;
  return can(input.role, 'template.publish') && input.publishedBy !== input.userId;
}
