import type { ChannelKind, Fee, ProcedureContent } from '../../catalog/schema.js';

/** One line of what the applicant pays. `exemptions` are shown so a person who qualifies asks the desk. */
export type FeeItem = { name: string; kind: Fee['kind']; amount: number; per?: string; exemptions: string[] };

/** A fee the catalogue gives as a formula only: its amount depends on facts staff establish. */
export type FeeForStaff = { name: string; kind: Fee['kind']; formula: string; per?: string };

export type FeeComputation =
  | { ok: true; items: FeeItem[]; total: number; needsStaff: FeeForStaff[] }
  | { ok: false; code: 'CASE_NOT_FOUND'; vi: string; en: string };

/**
 * The fees and charges of a dossier, from its procedure version's fee table (Decree 63/2010 art. 8:
 * a sub-case's own fee list replaces the procedure's), limited to the dossier's channel (a fee that
 * names channels applies only through them — e.g. a registration charge waived online).
 *
 * A fixed amount is taken as it is, even when a formula explains it; a fee with a formula and no
 * amount ("0.5% of the land price", "per page") cannot be computed here: it is listed in
 * `needsStaff`, and staff enter it with the dossier's payment request. A zero amount (an exempt
 * charge the catalogue still lists) is not an item to pay.
 */
export function computeFees(content: Pick<ProcedureContent, 'fees' | 'cases'>, caseCode: string | null | undefined, channel: ChannelKind): FeeComputation {
  const subCase = caseCode ? content.cases.find((c) => c.code === caseCode) : undefined;
  if (caseCode && !subCase) {
    return { ok: false, code: 'CASE_NOT_FOUND', vi: `Thủ tục không có trường hợp "${caseCode}".`, en: `The procedure has no case "${caseCode}".` };
  }
  const table = (subCase?.fees ?? content.fees).filter((f) => !f.channels || f.channels.includes(channel));
  const items: FeeItem[] = [];
  const needsStaff: FeeForStaff[] = [];
  for (const f of table) {
    if (f.amount === undefined) {
      needsStaff.push({ name: f.name, kind: f.kind, formula: f.formula ?? '', ...(f.per ? { per: f.per } : {}) });
    } else if (f.amount > 0) {
      items.push({ name: f.name, kind: f.kind, amount: f.amount, ...(f.per ? { per: f.per } : {}), exemptions: f.exemptions ?? [] });
    }
  }
  return { ok: true, items, total: items.reduce((sum, i) => sum + i.amount, 0), needsStaff };
}
