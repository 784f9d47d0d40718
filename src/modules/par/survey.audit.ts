import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The sociological survey's audit actions (survey.service.ts); composed into the PAR module's vocabulary. */
export const SURVEY_AUDIT: AuditVocabulary = {
  actions: {
    'par.survey_form_created': { vi: 'Tạo phiếu khảo sát xã hội học', en: 'Survey form created' },
    'par.survey_form_edited': { vi: 'Sửa phiếu khảo sát xã hội học', en: 'Survey form edited' },
    'par.survey_invitations_issued': { vi: 'Cấp mã mời trả lời phiếu khảo sát', en: 'Survey invitation codes issued' },
    'par.survey_paper_entered': { vi: 'Nhập phiếu khảo sát giấy', en: 'Paper survey slip entered' },
    'par.survey_answered': { vi: 'Trả lời phiếu khảo sát trực tuyến', en: 'Survey answered online' },
  },
  entities: {
    par_survey_form: {
      label: { vi: 'Phiếu khảo sát xã hội học', en: 'Survey form' },
      names: async (db, ids) => {
        const numeric = ids.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 2_147_483_647);
        if (!numeric.length) return new Map();
        const rows = await db.selectFrom('par_survey_forms').select(['id', 'code', 'name']).where('id', 'in', numeric).execute();
        return new Map(rows.map((r) => [String(r.id), `Phiếu ${r.code} – ${r.name}`]));
      },
    },
  },
};
