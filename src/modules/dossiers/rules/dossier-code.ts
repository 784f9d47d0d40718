/**
 * Dossier code (mã số hồ sơ), Circular 03/2025/TT-VPCP art. 13 as DOMAIN §2.5 reconstructs it:
 * `<agency e-ID>-YYMMDD-<daily sequence, at least 4 digits>`, the date being the Vietnamese
 * calendar day of receipt. The sequence grows past 9999 instead of wrapping.
 */
export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  const vn = new Date(receivedAt.getTime() + 7 * 3_600_000);
  const yymmdd = vn.toISOString().slice(2, 10).replace(/-/g, '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^[A-Y]\d{2}(\.[0-9A-Z]{2,3})*-\d{6}-\d{4,}$/;

/** Characters that cannot be misread on paper (no 0/O, 1/I/L). */
const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The lookup secret printed on the receipt; without it, the public lookup reveals nothing. */
export function makeLookupSecret(random: (n: number) => Uint8Array): string {
  return [...random(6)].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}
