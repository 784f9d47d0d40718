/**
 * The civil-servant record's fields (Sơ yếu lý lịch, Mẫu 2C; DOMAIN-MANAGEMENT §C3), zod-free so the web
 * app and the exports read the same shape and labels. The form's item numbers differ between its
 * versions, so fields are stored by name, never by number.
 */

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export type TrainingRow = { institution: string; major: string; from: string; to: string; form: string; diploma: string };
export type CareerRow = { from: string; to: string | null; post: string; unit: string };
export type FamilyRow = { side: 'own' | 'spouse'; relation: string; fullName: string; birthYear: number | null; occupation: string; workplace: string; address: string };
/** A salary event: month as YYYY-MM; `nextStepOn` is when the next step is due (YYYY-MM-DD). */
export type SalaryRow = { month: string; gradeCode: string; gradeName: string; step: number; coefficient: number; positionAllowance: number | null; otherAllowances: string; nextStepOn: string | null };
export type AwardRow = { on: string; form: string; decisionNo: string };
export type DisciplineRow = { on: string; form: string; decisionNo: string; until: string | null };

/** Every field is optional in a record in progress; the printed form leaves what is missing blank. */
export type PersonRecord = {
  fullNameAtBirth?: string;
  otherNames?: string;
  birthDate?: string;
  sex?: Sex;
  birthPlace?: string;
  homeTown?: string;
  ethnicity?: string;
  religion?: string;
  permanentAddress?: string;
  currentAddress?: string;
  idNumber?: string;
  idIssuedOn?: string;
  socialInsuranceNo?: string;
  phone?: string;
  occupationWhenRecruited?: string;
  recruitingBody?: string;
  mainDuties?: string;
  generalEducation?: string;
  highestQualification?: string;
  politicalTheory?: string;
  stateManagement?: string;
  foreignLanguage?: string;
  itSkill?: string;
  partyJoinedOn?: string;
  partyOfficialOn?: string;
  organisationJoinedOn?: string;
  militaryFrom?: string;
  militaryTo?: string;
  militaryRank?: string;
  highestTitle?: string;
  strengths?: string;
  health?: string;
  policyFamily?: string;
  personalHistory?: string;
  training?: TrainingRow[];
  career?: CareerRow[];
  family?: FamilyRow[];
  salary?: SalaryRow[];
  awards?: AwardRow[];
  discipline?: DisciplineRow[];
};

export type RecordField = keyof PersonRecord;

export const RECORD_FIELD_LABELS: Record<RecordField, { vi: string; en: string }> = {
  fullNameAtBirth: { vi: 'Họ và tên khai sinh', en: 'Full name at birth' },
  otherNames: { vi: 'Tên gọi khác', en: 'Other names' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  birthPlace: { vi: 'Nơi sinh', en: 'Place of birth' },
  homeTown: { vi: 'Quê quán', en: 'Home town' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
  permanentAddress: { vi: 'Nơi đăng ký thường trú', en: 'Permanent residence' },
  currentAddress: { vi: 'Nơi ở hiện nay', en: 'Current address' },
  idNumber: { vi: 'Số CCCD', en: 'Citizen ID number' },
  idIssuedOn: { vi: 'Ngày cấp CCCD', en: 'ID issued on' },
  socialInsuranceNo: { vi: 'Số sổ BHXH', en: 'Social insurance number' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  occupationWhenRecruited: { vi: 'Nghề nghiệp khi được tuyển dụng', en: 'Occupation when recruited' },
  recruitingBody: { vi: 'Cơ quan tuyển dụng', en: 'Recruiting body' },
  mainDuties: { vi: 'Công việc chính được giao', en: 'Main duties' },
  generalEducation: { vi: 'Trình độ giáo dục phổ thông', en: 'General education' },
  highestQualification: { vi: 'Trình độ chuyên môn cao nhất', en: 'Highest qualification' },
  politicalTheory: { vi: 'Lý luận chính trị', en: 'Political theory' },
  stateManagement: { vi: 'Quản lý nhà nước', en: 'State management' },
  foreignLanguage: { vi: 'Ngoại ngữ', en: 'Foreign language' },
  itSkill: { vi: 'Tin học', en: 'IT' },
  partyJoinedOn: { vi: 'Ngày vào Đảng', en: 'Joined the Party' },
  partyOfficialOn: { vi: 'Ngày chính thức', en: 'Full Party member since' },
  organisationJoinedOn: { vi: 'Ngày tham gia tổ chức chính trị - xã hội', en: 'Joined a socio-political organisation' },
  militaryFrom: { vi: 'Ngày nhập ngũ', en: 'Enlisted' },
  militaryTo: { vi: 'Ngày xuất ngũ', en: 'Discharged' },
  militaryRank: { vi: 'Quân hàm cao nhất', en: 'Highest military rank' },
  highestTitle: { vi: 'Danh hiệu được phong tặng cao nhất', en: 'Highest title' },
  strengths: { vi: 'Sở trường công tác', en: 'Strengths' },
  health: { vi: 'Tình trạng sức khỏe', en: 'Health' },
  policyFamily: { vi: 'Thương binh loại / gia đình chính sách', en: 'War invalid / policy family' },
  personalHistory: { vi: 'Đặc điểm lịch sử bản thân', en: 'Personal history' },
  training: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
  career: { vi: 'Tóm tắt quá trình công tác', en: 'Career summary' },
  family: { vi: 'Quan hệ gia đình', en: 'Family relations' },
  salary: { vi: 'Diễn biến quá trình lương', en: 'Salary history' },
  awards: { vi: 'Khen thưởng', en: 'Awards' },
  discipline: { vi: 'Kỷ luật', en: 'Discipline' },
};

/** What the form prints beside the record: who the person is in the service, read from the org and personnel tables. */
export type RecordHeader = {
  fullName: string;
  civilServantNo: string | null;
  managingBody: string;
  employingUnit: string;
  position: string | null;
  gradeName: string | null;
  gradeCode: string | null;
  recruitedOn: string | null;
  photo: Buffer | null;
};
