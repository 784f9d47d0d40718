import type { TestApp } from '../support/test-app.js';

type Req = { method: string; url: string; body?: unknown };

/**
 * Personnel records for the matrix (issue 17): schemes, people, changes and evaluation sheets at each
 * relation's unit, written straight to the database (the rows judge who may act on them, not how they
 * came to be); staff are made through the org API as the root administrator.
 */
export type PersonnelFixture = {
  /** The Department of Home Affairs' civil-service office (org function civil_service). */
  officeUnitId: number;
  /** A fresh scheme of the unit in `status`, with an effective date no other scheme of the unit has. */
  scheme(unitId: number, status: 'draft' | 'submitted' | 'appraised'): Promise<{ id: number; version: number }>;
  /** A scheme kept per unit, for the rows that only read. */
  keptScheme(unitId: number): Promise<number>;
  /** A person at the unit (kept per unit), or a fresh one. */
  person(unitId: number, fresh?: boolean): Promise<{ id: number; staffId: number }>;
  personVersion(id: number): Promise<number>;
  /** A staff member of the unit with no record yet. */
  staffWithoutRecord(unitId: number): Promise<number>;
  /** A fresh proposed change of a person of the unit. */
  change(unitId: number): Promise<number>;
  /** A person of the unit with a self-assessment for `year` (fresh each call): the person and the sheet's version. */
  selfAssessed(unitId: number, year: number): Promise<{ personId: number; version: number }>;
  /** A reviewed sheet of a person of the unit for `year` (one per unit and year), for the approval row. */
  reviewedSheet(unitId: number, year: number): Promise<void>;
  ruleVersion(fromYear: number): Promise<number>;
  /** Gives a subject a record of their own, if they have none. */
  ownRecord(staffId: number): Promise<void>;
};

export async function personnelFixture(t: TestApp, asRoot: (req: Req) => Promise<any>): Promise<PersonnelFixture> {
  let n = 0;
  let day = 0;
  const kept = new Map<number, number>();
  const reviewed = new Set<number>();
  const people = new Map<number, { id: number; staffId: number }>();
  const officeUnitId = (await t.db.selectFrom('org_units').select('id').where('function', '=', 'civil_service').executeTakeFirstOrThrow()).id;
  const positions = JSON.stringify([{ code: 'CV-01', name: 'Chuyên viên', category: 'professional', gradeCode: '01.003', gradeName: 'Chuyên viên', description: '', competencies: '', quota: 2 }]);
  const staff = async (unitId: number) => (await asRoot({ method: 'POST', url: '/api/v1/org/staff', body: { fullName: `Lò Thị Ma Trận ${++n}`, unitId, position: 'Chuyên viên' } })).id as number;
  const scheme = async (unitId: number, status: 'draft' | 'submitted' | 'appraised') => {
    const last = await t.db.selectFrom('hr_schemes').select((eb) => eb.fn.max('version_no').as('n')).where('unit_id', '=', unitId).executeTakeFirst();
    const effective = new Date(Date.UTC(2060, 0, 1 + ++day)).toISOString().slice(0, 10);
    const row = await t.db.insertInto('hr_schemes').values({ unit_id: unitId, version_no: Number(last?.n ?? 0) + 1, status, effective_from: effective, positions }).returning(['id', 'version']).executeTakeFirstOrThrow();
    return { id: row.id, version: row.version };
  };
  const person = async (unitId: number) => {
    const staffId = await staff(unitId);
    const row = await t.db.insertInto('hr_people').values({ staff_id: staffId, recruited_on: '2015-03-01', record: JSON.stringify({ ethnicity: 'Thái', sex: 'female' }) }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, staffId };
  };
  const fixture: PersonnelFixture = {
    officeUnitId,
    scheme,
    async keptScheme(unitId) {
      if (!kept.has(unitId)) kept.set(unitId, (await scheme(unitId, 'draft')).id);
      return kept.get(unitId)!;
    },
    async person(unitId, fresh = false) {
      if (fresh) return person(unitId);
      if (!people.has(unitId)) people.set(unitId, await person(unitId));
      return people.get(unitId)!;
    },
    async personVersion(id) {
      return (await t.db.selectFrom('hr_people').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    },
    staffWithoutRecord: staff,
    async change(unitId) {
      const p = await fixture.person(unitId);
      const row = await t.db.insertInto('hr_record_changes').values({ person_id: p.id, set_fields: JSON.stringify({ strengths: `Sở trường ${++n}` }), reason: 'Cập nhật', proposed_by_staff_id: p.staffId, proposed_at: new Date() })
        .returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async selfAssessed(unitId, year) {
      const p = await person(unitId);
      const facts = JSON.stringify({ generalPoints: 18, taskPoints: 70, tasks: { total: 5, done: 5, exceeded: 1 }, criteria: { total: 5, weak: 0, failed: 0 } });
      const row = await t.db.insertInto('hr_evaluations').values({ person_id: p.id, year, unit_id: unitId, self_assessment: 'Hoàn thành nhiệm vụ được giao.', self_facts: facts }).returning('version').executeTakeFirstOrThrow();
      return { personId: p.id, version: row.version };
    },
    async reviewedSheet(unitId, year) {
      const key = unitId * 10_000 + year;
      if (reviewed.has(key)) return;
      reviewed.add(key);
      const p = await person(unitId);
      const facts = JSON.stringify({ generalPoints: 18, taskPoints: 70, tasks: { total: 5, done: 5, exceeded: 1 }, criteria: { total: 5, weak: 0, failed: 0 }, disciplined: false });
      await t.db.insertInto('hr_evaluations').values({ person_id: p.id, year, unit_id: unitId, status: 'reviewed', self_assessment: 'Hoàn thành nhiệm vụ.', self_facts: facts, facts, points: 88, proposed_rating: 'good', manager_comment: 'Đồng ý', meeting_minutes: 'Biên bản' }).execute();
    },
    async ownRecord(staffId) {
      await t.db.insertInto('hr_people').values({ staff_id: staffId, recruited_on: '2018-09-01', record: '{}' }).onConflict((oc) => oc.column('staff_id').doNothing()).execute();
    },
    async ruleVersion(fromYear) {
      return (await t.db.selectFrom('hr_evaluation_rules').select('version').where('from_year', '=', fromYear).executeTakeFirst())?.version ?? 0;
    },
  };
  return fixture;
}
