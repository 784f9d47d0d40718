import type { Role } from '../../../shared/auth/types';

/** The roles that hold report.read (src/platform/access/policy.ts); the server still decides per unit. */
export const REPORT_ROLES: readonly Role[] = ['admin', 'unit_head', 'auditor'];

/** The staff report page, for a link from the other inspection pages. */
export const INSPECTION_REPORT_PATH = '/can-bo/thanh-tra/bao-cao';
/** The portal's public summary. */
export const INSPECTION_SUMMARY_PATH = '/ket-qua-khieu-nai-to-cao';
