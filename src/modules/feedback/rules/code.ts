/** `PAKN-YYYYMMDD-NNNN`: the Vietnamese calendar day of receipt and the province-wide daily sequence. */
export function vnDayKey(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function formatFeedbackCode(receivedAt: Date, sequence: number): string {
  return `PAKN-${vnDayKey(receivedAt)}-${String(sequence).padStart(4, '0')}`;
}

/** Characters that cannot be misread on paper (no 0/O, 1/I/L), as the dossier lookup secret. */
const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function makeSecret(random: (n: number) => Uint8Array): string {
  return [...random(8)].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}
