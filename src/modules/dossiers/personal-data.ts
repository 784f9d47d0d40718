import { sql } from 'kysely';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import { AppError } from '../../platform/http/app-error.js';
import { inTransaction, type Db } from '../../platform/db/transaction.js';

/**
 * ID numbers at rest (Decree 356/2025): inside `dossiers.applicant` the applicant's and the
 * representative's ID numbers are stored sealed (AES-256-GCM, platform/crypto), and the row carries
 * a blind index of each for the staff's exact search. The API keeps its shape: clients send and
 * receive `applicant.idNumber` in clear; only this file knows it is sealed in between.
 */

type Applicant = Record<string, unknown> & { idNumber?: unknown; representative?: unknown };

/** The form of an ID number the index is computed from: no separators, capital letters (as the queue search classifies it). */
export function normaliseIdNumber(v: string): string {
  return v.replace(/[\s.()-]/g, '').toUpperCase();
}

export type SealedApplicant = { applicant: Applicant; applicantIdIndex: string | null; representativeIdIndex: string | null };

/** Seals both ID numbers (re-sealing under the current key one sealed by an older key) and indexes them. */
export function sealApplicant(keys: DataProtection, input: Applicant): SealedApplicant {
  const applicant: Applicant = { ...input };
  let applicantIdIndex: string | null = null;
  let representativeIdIndex: string | null = null;
  if (typeof applicant.idNumber === 'string' && applicant.idNumber) {
    const plain = keys.openText(applicant.idNumber);
    applicantIdIndex = keys.blindIndex(normaliseIdNumber(plain));
    applicant.idNumber = keys.sealText(plain);
  }
  const rep = applicant.representative;
  if (rep && typeof rep === 'object' && typeof (rep as Applicant).idNumber === 'string' && (rep as Applicant).idNumber) {
    const plain = keys.openText((rep as Applicant).idNumber as string);
    representativeIdIndex = keys.blindIndex(normaliseIdNumber(plain));
    applicant.representative = { ...(rep as Applicant), idNumber: keys.sealText(plain) };
  }
  return { applicant, applicantIdIndex, representativeIdIndex };
}

/** The applicant as the API shows it to staff: ID numbers in clear. */
export function openApplicant(keys: DataProtection, stored: Record<string, unknown>): Record<string, unknown> {
  const a: Applicant = { ...stored };
  if (typeof a.idNumber === 'string') a.idNumber = keys.openText(a.idNumber);
  const rep = a.representative;
  if (rep && typeof rep === 'object' && typeof (rep as Applicant).idNumber === 'string') {
    a.representative = { ...(rep as Applicant), idNumber: keys.openText((rep as Applicant).idNumber as string) };
  }
  return a;
}

/**
 * Seals what is not sealed under the current key: rows written before encryption (migration 0013
 * cannot encrypt, SQL holds no key) and, after a rotation, rows sealed by the previous key. Runs at
 * start-up and in `npx motcua rotate-data-key`; idempotent, in batches of `batch` rows, each batch
 * one transaction. The filter is in SQL, so a database with nothing to do answers with one scan.
 */
export async function sealStoredDossiers(db: Db, keys: DataProtection, batch = 500): Promise<number> {
  // Archived dossiers too (migration 0030): once the old key is gone, a row it still seals could not be read.
  return (await sealTable(db, keys, 'dossiers', batch)) + (await sealTable(db, keys, 'dossiers_archive', batch));
}

async function sealTable(db: Db, keys: DataProtection, table: 'dossiers' | 'dossiers_archive', batch: number): Promise<number> {
  // The archive has the same columns; typed as the live table so one query serves both.
  const t = table as 'dossiers';
  const current = `enc1:${keys.currentKeyId}:%`;
  let after = '0';
  let sealed = 0;
  for (;;) {
    const rows = await db.selectFrom(t).select(['id', 'applicant']).where('id', '>', after)
      .where(sql<boolean>`((applicant ->> 'idNumber') is not null and (applicant ->> 'idNumber') <> '' and (applicant ->> 'idNumber') not like ${current})
        or ((applicant -> 'representative' ->> 'idNumber') is not null and (applicant -> 'representative' ->> 'idNumber') <> '' and (applicant -> 'representative' ->> 'idNumber') not like ${current})`)
      .orderBy('id').limit(batch).execute();
    if (!rows.length) return sealed;
    await inTransaction(db, async (trx) => {
      for (const r of rows) {
        const s = sealApplicant(keys, r.applicant as Applicant);
        await trx.updateTable(t).set({ applicant: JSON.stringify(s.applicant), applicant_id_index: s.applicantIdIndex, representative_id_index: s.representativeIdIndex })
          .where('id', '=', r.id).execute();
      }
    });
    sealed += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/** Why a staff member reads a citizen's personal data outside their own work on the dossier. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

export function personalDataReasonRequired(): AppError {
  return new AppError('PERSONAL_DATA_REASON_REQUIRED', 403,
    `Xem thông tin cá nhân của công dân ngoài phần việc của mình phải nêu lý do (tham số "reason" hoặc tiêu đề "X-Access-Reason", ${REASON_MIN}–${REASON_MAX} ký tự); lần xem được ghi nhật ký (Nghị định 356/2025/NĐ-CP).`,
    `Viewing a citizen's personal data outside your own work needs a reason ("reason" parameter or "X-Access-Reason" header, ${REASON_MIN}–${REASON_MAX} characters); the view is logged.`);
}

/** A usable reason, or undefined: blank or too short is no reason. */
export function accessReason(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const r = raw.trim();
  if (r.length < REASON_MIN) return undefined;
  return r.slice(0, REASON_MAX);
}

/** An ID number as the audit log may show it: the last 4 characters. */
export function maskIdNumber(v: string): string {
  return v.length <= 4 ? '****' : `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}
