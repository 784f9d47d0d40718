import { z } from 'zod';
import { can } from '../../platform/access/policy.js';
import { formatViDate } from '../../platform/documents/vi-format.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OutgoingCreateInput } from './outgoing.schema.js';
import { actorOf } from './registry.context.js';
import { dbId } from './schema.js';

/**
 * A dossier's result issued as an outgoing document (issue 19 scope 5): the competent unit drafts a
 * document addressed to the applicant, prefilled from the dossier, which then follows the outgoing path
 * (approval, number, release) like any other. The dossier is read through the dossiers module, which
 * decides whether the officer may read it.
 */
export const fromDossierBody = z.object({
  dossierCode: z.string().trim().min(1, 'Mã hồ sơ: bắt buộc.').max(40, 'Mã hồ sơ không hợp lệ.'),
  /** The unit drafting the document; by default the dossier's step where the result is recorded, else its competent unit. */
  draftingUnitId: dbId.optional(),
  docType: z.enum(['CV', 'QĐ', 'TB', 'GGT'], { message: 'Loại văn bản trả kết quả: công văn, quyết định, thông báo hoặc giấy giới thiệu.' }).optional(),
}).strict();
export type FromDossierInput = z.infer<typeof fromDossierBody>;

/** What the registry reads of a dossier (wired in src/app.ts to the dossiers module's own view). */
export type DossierFacts = {
  code: string; procedureName: string; applicantName: string; statusName: string;
  competentUnitId: number | null; resultUnitId: number | null; receivedAt: string | null;
};
export type DossiersPort = { facts(ctx: RequestContext, code: string): Promise<DossierFacts> };

const vnDate = (iso: string | null) => (iso ? formatViDate(iso) : '');

/** The outgoing draft a dossier's result proposes (pure): the officer edits it before it is submitted. */
export function draftFromDossier(d: DossierFacts, draftingUnitId: number, docType: FromDossierInput['docType'] = 'CV'): OutgoingCreateInput {
  return {
    draftingUnitId,
    docType,
    subject: `V/v kết quả giải quyết hồ sơ ${d.code} (${d.procedureName})`.slice(0, 500),
    body: [
      `Ngày ${vnDate(d.receivedAt)}, cơ quan tiếp nhận hồ sơ số ${d.code} của ${d.applicantName} đề nghị giải quyết thủ tục hành chính "${d.procedureName}".`,
      `Hồ sơ hiện ở trạng thái: ${d.statusName}. Cơ quan thông báo kết quả giải quyết như sau:`,
      '(Nội dung kết quả giải quyết.)',
    ].join('\n'),
    recipients: [{ name: d.applicantName }],
  };
}

/** Checks the drafting unit against the dossier and the caller's rights; the create itself is the outgoing part's. */
export async function dossierDraft(ctx: RequestContext, port: DossiersPort, input: FromDossierInput): Promise<OutgoingCreateInput> {
  // Signed in first: an anonymous caller learns nothing about the dossier (401, not 404).
  const actor = actorOf(ctx);
  const facts = await port.facts(ctx, input.dossierCode);
  const candidates = [input.draftingUnitId, facts.resultUnitId, facts.competentUnitId].filter((u): u is number => typeof u === 'number');
  const unit = input.draftingUnitId ?? candidates.find((u) => can(actor, 'document.draft', u));
  if (!unit) throw errors.forbidden();
  return draftFromDossier(facts, unit, input.docType);
}
