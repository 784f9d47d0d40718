import type { Db } from '../../platform/db/transaction.js';
import type { RatingDossiersPort } from './ports.js';
import { ratedOfficial } from './rules/official.js';
import type { RatingLevel } from './schema.js';

const HOUR_MS = 3_600_000;

/** A stable number 0–9999 from a dossier code: the same demo, whoever generates it and whatever day. */
function draw(code: string, salt: number): number {
  let h = 2_166_136_261 ^ salt;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16_777_619);
  return (h >>> 0) % 10_000;
}

/**
 * The demo's ratings: about one returned dossier in three rated, some hours to three days after its
 * result was handed back (never after `now`), as people rate at the kiosk or on the paper slip the desk
 * types in; about 62 % very satisfied, 30 % satisfied, 8 % not. Each rating names the official the
 * citizen met, as a real rating does (rules/official.ts). Written straight into this module's table:
 * these are past ratings loaded with the demo's past, like the imported dossiers, not new ones.
 */
export async function seedDemoRatings(deps: { db: Db; dossiers: RatingDossiersPort }, returnedCodes: readonly string[], now: Date): Promise<number> {
  const rows = [];
  for (const code of returnedCodes) {
    if (draw(code, 1) % 3 !== 0) continue;
    const facts = await deps.dossiers.ratingFacts(null, code);
    if (!facts?.returnedAt) continue;
    const ratedAt = new Date(Date.parse(facts.returnedAt) + (0.1 + (draw(code, 2) / 10_000) * 72) * HOUR_MS);
    if (ratedAt.getTime() >= now.getTime()) continue;
    const p = draw(code, 3);
    const level: RatingLevel = p < 6_200 ? 'very_satisfied' : p < 9_200 ? 'satisfied' : 'not_satisfied';
    const official = ratedOfficial(facts.events);
    // A paper slip is typed in by the desk officer who handed the result back; else the kiosk.
    const paper = !!official && draw(code, 4) % 5 === 0;
    rows.push({
      dossier_code: facts.code, channel: paper ? 'paper' as const : 'kiosk' as const, citizen_id: null, unit_id: facts.receivingUnitId,
      procedure_code: facts.procedureCode, procedure_name: facts.procedureName, official_staff_id: official?.staffId ?? null, official_name: official?.name ?? null,
      recorded_by_staff_id: paper ? official!.staffId : null, level, comment: level === 'not_satisfied' ? 'Thời gian chờ tại quầy lâu.' : null, rated_at: ratedAt,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await deps.db.insertInto('dossier_ratings').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute();
  return rows.length;
}
