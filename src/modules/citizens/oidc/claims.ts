import { verifiedIdentitySchema, type VerifiedIdentity } from '../identity.js';

/**
 * From the provider's claims to a VerifiedIdentity. VNeID's claim names are not published, so which
 * claim carries which field is configuration (MOTCUA_OIDC_CLAIMS, docs/EID.md); the defaults are the
 * standard OpenID Connect names plus `national_id` for the 12-digit personal identification number.
 */
export const IDENTITY_FIELDS = ['fullName', 'idNumber', 'birthDate', 'phone', 'email', 'address'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type ClaimMapping = Record<IdentityField, string>;

export const DEFAULT_OIDC_SCOPES = 'openid profile email phone address';

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = {
  fullName: 'name',
  idNumber: 'national_id',
  birthDate: 'birthdate',
  phone: 'phone_number',
  email: 'email',
  address: 'address',
};

/** `idNumber=citizen_id,phone=mobile` over the defaults; null when a pair is not field=claim. */
export function parseClaimMapping(text: string): ClaimMapping | null {
  const mapping: ClaimMapping = { ...DEFAULT_CLAIM_MAPPING };
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]+)=([A-Za-z0-9_.:\-/]{1,100})$/.exec(pair);
    if (!m || !(IDENTITY_FIELDS as readonly string[]).includes(m[1]!)) return null;
    mapping[m[1] as IdentityField] = m[2]!;
  }
  return mapping;
}

export type ClaimProblem = { code: 'OIDC_CLAIMS_INCOMPLETE'; detail: string };

/**
 * The identity in a set of verified claims, or what is wrong with them. The OpenID `address` claim
 * is an object (its `formatted` member, else its parts); a date of birth the provider writes as
 * dd/mm/yyyy is read too, since Vietnamese systems often do.
 */
export function identityFromClaims(issuer: string, claims: Record<string, unknown>, mapping: ClaimMapping): VerifiedIdentity | ClaimProblem {
  const text = (field: IdentityField): string | undefined => {
    const v = claims[mapping[field]];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
    return undefined;
  };
  // A contact detail the provider sends malformed is left out (the citizen can add it on their
  // profile); only a missing subject or name refuses the sign-in.
  const optional = (field: Exclude<IdentityField, 'fullName'>, v: string | undefined) =>
    verifiedIdentitySchema.shape[field].safeParse(v).success ? v : undefined;
  const candidate = {
    issuer,
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    fullName: text('fullName') ?? '',
    idNumber: optional('idNumber', text('idNumber')),
    birthDate: optional('birthDate', isoDate(text('birthDate'))),
    phone: optional('phone', text('phone')),
    email: optional('email', text('email')),
    address: optional('address', addressText(claims[mapping.address])),
  };
  const parsed = verifiedIdentitySchema.safeParse(candidate);
  if (!parsed.success) {
    return { code: 'OIDC_CLAIMS_INCOMPLETE', detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
  }
  return parsed.data;
}

function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const vn = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  return vn ? `${vn[3]}-${vn[2]}-${vn[1]}` : v;
}

function addressText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object') {
    const a = v as Record<string, unknown>;
    if (typeof a.formatted === 'string' && a.formatted.trim()) return a.formatted.trim();
    const parts = ['street_address', 'locality', 'region', 'country'].map((k) => a[k]).filter((p): p is string => typeof p === 'string' && !!p.trim());
    return parts.length ? parts.join(', ') : undefined;
  }
  return undefined;
}

export function isClaimProblem(v: VerifiedIdentity | ClaimProblem): v is ClaimProblem {
  return 'code' in v;
}
