/**
 * The PAR module's fixed lists and their labels, without zod: the web app imports them at run time, and
 * a module that builds zod schemas would be evaluated before the app sets zod's jitless mode (the page's
 * CSP forbids eval). The schemas in schema.ts and survey.schema.ts build on these.
 */
/** Blocks a set scores and a ranking is published for (Hải Phòng 2025: departments, wards, communes). */
export const BLOCKS = ['so', 'phuong', 'xa'] as const;
export type Block = (typeof BLOCKS)[number];
export const BLOCK_LABELS: Record<Block, { vi: string; en: string }> = {
  so: { vi: 'Khối sở, ban, ngành', en: 'Departments' },
  phuong: { vi: 'Khối phường', en: 'Wards' },
  xa: { vi: 'Khối xã', en: 'Communes' },
};

/** Other modules' figures a computed criterion may read (par/wiring.ts); rates are shares 0–1, the 766 index 0–100. */
export const COMPUTED_SOURCES = ['dossiers.on_time_rate', 'dossiers.online_rate', 'feedback.answered_on_time_rate', 'directives.tasks_completed_on_time_rate', 'service_index.percent'] as const;

export const MAX_INVITATIONS = 500;

/**
 * The respondent data a slip may carry: a fixed list, so that nothing else personal is collected.
 * `level` is the respondent's level of training (trình độ chuyên môn), as the slips ask.
 */
export const RESPONDENT_CHOICES = {
  sex: { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } },
  ageGroup: {
    under_30: { vi: 'Dưới 30 tuổi', en: 'Under 30' },
    '30_44': { vi: 'Từ 30 đến 44 tuổi', en: '30 to 44' },
    '45_59': { vi: 'Từ 45 đến 59 tuổi', en: '45 to 59' },
    '60_plus': { vi: 'Từ 60 tuổi trở lên', en: '60 and over' },
  },
  level: {
    secondary: { vi: 'Trung học phổ thông trở xuống', en: 'Secondary school or less' },
    vocational: { vi: 'Trung cấp, cao đẳng', en: 'Vocational or college' },
    university: { vi: 'Đại học', en: 'University' },
    postgraduate: { vi: 'Sau đại học', en: 'Postgraduate' },
  },
} as const;
export const RESPONDENT_TEXT_FIELDS = ['unit', 'position'] as const;
export const RESPONDENT_LABELS = {
  sex: { vi: 'Giới tính', en: 'Sex' },
  ageGroup: { vi: 'Độ tuổi', en: 'Age group' },
  level: { vi: 'Trình độ chuyên môn', en: 'Level of training' },
  unit: { vi: 'Cơ quan, đơn vị công tác', en: 'Own organisation' },
  position: { vi: 'Chức vụ', en: 'Position' },
} as const;

