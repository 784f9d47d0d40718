import type { Role } from '../../shared/auth';

/** Who sees the intake page: desk officers (and administrators, who may stand in). */
export const INTAKE_ROLES: readonly Role[] = ['desk_officer', 'admin'];
/** Everyone who works on dossiers or oversees them. */
export const DOSSIER_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'unit_head', 'admin', 'auditor'];

export const INTAKE_PATH = '/can-bo/tiep-nhan';
export const DOSSIERS_PATH = '/can-bo/ho-so';
/** A document in the records office's registers (web/src/features/registry). */
export const registryDocumentPath = (id: number | string) => `/can-bo/van-thu/van-ban/${id}`;
