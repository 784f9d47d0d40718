/** Identifiers arrive from the API as strings (bigint) or numbers; compare them with sameId. */
export type Id = string | number;

export const ROLES = ['admin', 'unit_head', 'specialist', 'desk_officer', 'auditor', 'hr_officer', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  unitId: Id;
  unitName: string;
}

export interface SessionUser {
  id: Id;
  username: string;
  fullName: string;
  unit: { id: Id; code: string; name: string } | null;
  roles: RoleGrant[];
  mustChangePassword: boolean;
}

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

export function hasAnyRole(user: SessionUser | null | undefined, roles: readonly Role[] | undefined): boolean {
  if (!roles || roles.length === 0) return Boolean(user);
  return Boolean(user?.roles.some((grant) => roles.includes(grant.role)));
}

/** Roles that may open the administration surface at all; each page narrows further. */
export const ADMIN_SURFACE_ROLES: readonly Role[] = ['admin', 'unit_head', 'auditor'];
/** Roles that may change org data (the server still checks the unit subtree). */
export const ORG_EDITOR_ROLES: readonly Role[] = ['admin', 'unit_head'];
