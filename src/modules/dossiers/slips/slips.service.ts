import type { DataProtection } from '../../../platform/crypto/data-protection.js';
import { openApplicant } from '../personal-data.js';
/**
 * Prints the statutory slips of a dossier (forms 01–06) and a unit's register (form 07). Read-only:
 * a slip is rebuilt from the dossier's row and event log each time, so a reprint always matches
 * the history. A dossier outside the caller's reach answers 404, as everywhere in the module.
 */
import { can, requireActor } from '../../../platform/access/policy.js';
import type { Db } from '../../../platform/db/transaction.js';
import { AppError, errors } from '../../../platform/http/app-error.js';
import { systemContext, type RequestContext } from '../../../platform/http/context.js';
import type { OrgService } from '../../org/org.service.js';
import type { UnitView } from '../../org/schema.js';
import { canRead, dossierNotFound } from '../dossier-access.js';
import * as repo from '../dossiers.repository.js';
import { reduce } from '../rules/reducer.js';
import { controlData } from './control-slip.js';
import { registerData, registerXlsx, type RegisterData } from './register.js';
import { SlipProblem } from './slip-context.js';
import { extensionData, receiptData, refusalData, stopData, supplementData, type SlipData, type SlipSource } from './slip-data.js';
import { renderSlipPdf, type SlipTemplates } from './slip-templates.js';
import { registerDossiers, registerNumber, vnDayStart } from './slips.repository.js';

export const DOSSIER_SLIP_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierSlipForm = (typeof DOSSIER_SLIP_FORMS)[number];

const BUILDERS: Record<DossierSlipForm, (src: SlipSource) => SlipData | SlipProblem> = {
  '01': receiptData,
  '02': supplementData,
  '03': refusalData,
  '04': extensionData,
  '05': stopData,
  '06': controlData,
};

/**
 * Measured on the 2-core dev machine: a 1,000-row register PDF takes ~3 s to lay out and 20,000 XLSX
 * rows ~2.6 s and ~400 MB; beyond that a request would stall the process, so the caller narrows the period.
 */
export const REGISTER_LIMITS = { pdf: 1_000, xlsx: 20_000 } as const;
const MAX_REGISTER_DAYS = 366;

export type RegisterQuery = { unitId: number; from: string; to: string };

/** The satisfaction module's kiosk code of a dossier, printed on the receipt (null: none to print). */
export type RatingCodePort = (dossierCode: string) => Promise<{ code: string; url: string } | null>;

export type SlipServiceDeps = { db: Db; org: OrgService; publicUrl: string; templates: SlipTemplates; keys: DataProtection; now?: () => Date; ratingCode?: RatingCodePort };

export type SlipService = ReturnType<typeof createSlipService>;

export function createSlipService(deps: SlipServiceDeps) {
  const now = deps.now ?? (() => new Date());

  /**
   * Whom the applicant may call about a supplement (form 02): the officer who asked for it, else
   * the nearest unit up from where they asked that has a phone. Null when nothing is known, and
   * the slip leaves the dotted blank for a pen.
   */
  async function contactPhone(staffId: number | null, unitId: number | null, units: UnitView[]): Promise<string | null> {
    const staff = staffId ? await deps.org.getStaff(systemContext('slips'), staffId).catch(() => undefined) : undefined;
    if (staff?.phone) return staff.phone;
    const byId = new Map(units.map((u) => [u.id, u]));
    for (let u = byId.get(unitId ?? staff?.unitId ?? -1); u; u = u.parentId === null ? undefined : byId.get(u.parentId)) {
      if (u.phone) return u.phone;
    }
    return null;
  }

  async function register(ctx: RequestContext, q: RegisterQuery, limit: number): Promise<RegisterData> {
    const actor = requireActor(ctx.actor);
    if (q.to < q.from) {
      throw errors.validation([{ path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', messageEn: 'The end date must not be before the start date.' }]);
    }
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days > MAX_REGISTER_DAYS) {
      throw errors.validation([{ path: 'to', message: `Mỗi lần in tối đa ${MAX_REGISTER_DAYS} ngày.`, messageEn: `At most ${MAX_REGISTER_DAYS} days per register.` }]);
    }
    const unitNotFound = () => errors.notFound('đơn vị', 'Unit', 'UNIT_NOT_FOUND');
    if (!can(actor, 'dossier.read', q.unitId)) throw unitNotFound();
    const units = await deps.org.allUnits();
    if (!units.some((u) => u.id === q.unitId)) throw unitNotFound();
    const subtree = (await deps.org.subtrees([q.unitId])).get(q.unitId) ?? [q.unitId];
    const end = vnDayStart(new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    const dossiers = await registerDossiers(deps.db, subtree, vnDayStart(q.from), end, limit);
    if (dossiers.length > limit) {
      throw new AppError('REGISTER_TOO_LARGE', 422,
        `Kỳ đã chọn có hơn ${limit.toLocaleString('vi-VN')} hồ sơ; hãy chọn khoảng thời gian ngắn hơn hoặc tải tệp Excel.`,
        `The period has more than ${limit} dossiers; choose a shorter period or download the spreadsheet.`);
    }
    return registerData(q.unitId, units, q.from, q.to, dossiers, now());
  }

  async function render(stored: repo.DossierRow, form: DossierSlipForm): Promise<Buffer> {
    // The slips print the applicant's ID number (forms 01, 02): opened here, sealed at rest.
    const row = { ...stored, applicant: openApplicant(deps.keys, stored.applicant) };
    const events = await repo.loadEvents(deps.db, row.id);
    const units = await deps.org.allUnits();
    const src: SlipSource = { row, events, state: reduce(events), units, publicUrl: deps.publicUrl, now: now() };
    if (form === '01') {
      src.register = await registerNumber(deps.db, row);
      if (src.state.receivedAt && deps.ratingCode) src.rating = await deps.ratingCode(row.code);
    }
    if (form === '02') {
      const request = [...events].reverse().find((e) => e.type === 'supplement_requested' || e.type === 'reception_supplement_requested');
      src.officerPhone = await contactPhone(request?.actor.staffId ?? null, request?.unitId ?? null, units);
    }
    const data = BUILDERS[form](src);
    if (data instanceof SlipProblem) throw new AppError(data.code, 409, data.vi, data.en, undefined, { form, status: src.state.status });
    return renderSlipPdf(deps.templates[form], data);
  }

  return {
    /** Forms 01–06 of one dossier; 409 when its history does not call for the form. */
    async dossierSlip(ctx: RequestContext, code: string, form: DossierSlipForm): Promise<Buffer> {
      requireActor(ctx.actor);
      // An archived dossier prints its slips as before (migration 0030: read-only, not gone).
      const stored = await repo.findRecordByCode(deps.db, code);
      if (!stored || !canRead(ctx.actor, stored)) throw dossierNotFound();
      return render(stored, form);
    },

    /**
     * The slips a dossier's applicant receives electronically (online services): the receipt (01),
     * the supplement guidance (02) and the refusal (03). The online module has established that the
     * signed-in citizen is the applicant; no staff reach applies.
     */
    async applicantSlip(code: string, form: '01' | '02' | '03'): Promise<Buffer> {
      const stored = await repo.findRecordByCode(deps.db, code);
      if (!stored) throw dossierNotFound();
      return render(stored, form);
    },

    async registerPdf(ctx: RequestContext, q: RegisterQuery): Promise<Buffer> {
      const data = await register(ctx, q, REGISTER_LIMITS.pdf);
      return renderSlipPdf(deps.templates['07'], data);
    },

    async registerXlsx(ctx: RequestContext, q: RegisterQuery): Promise<Buffer> {
      return registerXlsx(await register(ctx, q, REGISTER_LIMITS.xlsx));
    },
  };
}
