import { type SessionUser, hasAnyRole } from './types';

/**
 * Where each role starts after signing in — on its own work, not on a page it merely may open:
 * administrators on administration; unit heads on the overview of their unit's work (queue sizes
 * and the dossiers waiting to be assigned); desk officers and specialists on their work queue; the
 * auditor on the overview of every dossier in reach (the whole province for the demo auditor); the
 * records clerk on the registers.
 * A person with several roles starts where the first of these applies.
 */
export function homePath(user: SessionUser): string {
  if (hasAnyRole(user, ['admin'])) return '/quan-tri';
  if (hasAnyRole(user, ['unit_head'])) return '/can-bo';
  if (hasAnyRole(user, ['desk_officer', 'specialist'])) return '/can-bo/ho-so';
  // The records office works on its registers (issue 19).
  if (hasAnyRole(user, ['clerk'])) return '/can-bo/van-thu';
  return '/can-bo';
}
