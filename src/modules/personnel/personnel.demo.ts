import { readFile } from 'node:fs/promises';
import type { Db } from '../../platform/db/transaction.js';
import type { OrgService } from '../org/org.service.js';
import { vnDay } from './personnel.context.js';
import type { PersonRecord, SalaryRow } from './record-fields.js';
import { applyExcellentQuota, rate, type EvaluationRule } from './rules/evaluation.js';
import { addMonths } from './rules/movements.js';
import type { SchemePosition } from './schema.js';

/**
 * The demo's personnel (demo/personnel/demo.json, illustrative): the province's evaluation rule, the
 * approved job-position schemes of the Department of Home Affairs and of Tân Phong ward with some of their
 * staff placed (others still to place before 1/7/2027), a record for every staff member built
 * deterministically from their id, and last year's ratings of the Department approved. The other units'
 * schemes are left for their HR officers to propose (the issue's journey starts there).
 */
type DemoFile = {
  rule: { fromYear: number; name: string; rule: EvaluationRule };
  schemes: { unitCode: string; effectiveFrom: string; decisionNo: string; decisionDate: string; signer: string; positions: SchemePosition[] }[];
  pools: Record<'ethnicities' | 'religions' | 'qualifications' | 'politicalTheory' | 'stateManagement' | 'languages' | 'it' | 'places' | 'schools', string[]>;
};
export type PersonnelDemoDeps = { db: Db; org: Pick<OrgService, 'allUnits' | 'staffNames' | 'subtrees'>; now: () => Date };

/** Salary coefficients by grade and step (Decree 204/2004 table 2: A3.1, A2.1, A1, A0). */
const COEFFICIENTS: Record<string, { name: string; steps: number[] }> = {
  '01.001': { name: 'Chuyên viên cao cấp', steps: [6.2, 6.56, 6.92, 7.28, 7.64, 8.0] },
  '01.002': { name: 'Chuyên viên chính', steps: [4.4, 4.74, 5.08, 5.42, 5.76, 6.1, 6.44, 6.78] },
  '01.003': { name: 'Chuyên viên', steps: [2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98] },
};
/** The diploma a qualification names first ("Cử nhân Luật" → "Cử nhân"). */
const DIPLOMAS = ['Cử nhân', 'Thạc sĩ', 'Kỹ sư', 'Cao đẳng', 'Tiến sĩ'];
const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(n) % list.length]!;
const mix = (id: number, salt: number) => ((id * 2654435761 + salt * 40503) >>> 0) % 1_000_003;

function recordFor(id: number, fullName: string, position: string | null, pools: DemoFile['pools'], today: string): { record: PersonRecord; recruitedOn: string } {
  const year = Number(today.slice(0, 4));
  const birthYear = year - 26 - (mix(id, 1) % 30);
  const birthDate = `${birthYear}-${String(1 + (mix(id, 2) % 12)).padStart(2, '0')}-${String(1 + (mix(id, 3) % 28)).padStart(2, '0')}`;
  const recruitedOn = `${Math.min(year - 2, birthYear + 23 + (mix(id, 4) % 8))}-${String(1 + (mix(id, 5) % 12)).padStart(2, '0')}-01`;
  const lead = /trưởng|giám đốc|chủ tịch/i.test(position ?? '');
  const gradeCode = /giám đốc sở$/i.test(position ?? '') ? '01.001' : lead || /chính/.test(position ?? '') ? '01.002' : '01.003';
  const grade = COEFFICIENTS[gradeCode]!;
  const step = 1 + (mix(id, 6) % Math.min(5, grade.steps.length));
  // The latest step was reached within the last three years; the next is due three years after it (the
  // regular interval for these grades), so the demo always shows some step raises coming up.
  const stepMonth = addMonths(`${today.slice(0, 7)}-01`, -(mix(id, 7) % 36)).slice(0, 7);
  const salary: SalaryRow[] = [
    ...(step > 1 ? [{ month: addMonths(`${stepMonth}-01`, -36).slice(0, 7), gradeCode, gradeName: grade.name, step: step - 1, coefficient: grade.steps[step - 2]!, positionAllowance: null, otherAllowances: '', nextStepOn: `${stepMonth}-01` }] : []),
    { month: stepMonth, gradeCode, gradeName: grade.name, step, coefficient: grade.steps[step - 1]!, positionAllowance: lead ? 0.3 : null, otherAllowances: 'Phụ cấp khu vực 0,5', nextStepOn: addMonths(`${stepMonth}-01`, 36) },
  ];
  const female = / thị /i.test(` ${fullName} `);
  const place = pick(pools.places, mix(id, 8));
  const school = pick(pools.schools, mix(id, 9));
  const qualification = pick(pools.qualifications, mix(id, 10));
  const party = mix(id, 11) % 3 !== 0;
  const record: PersonRecord = {
    fullNameAtBirth: fullName, birthDate, sex: female ? 'female' : 'male', birthPlace: place, homeTown: place, ethnicity: pick(pools.ethnicities, mix(id, 12)),
    religion: pick(pools.religions, mix(id, 13)), permanentAddress: pick(pools.places, mix(id, 14)), currentAddress: pick(pools.places, mix(id, 14)),
    idNumber: `0${String(11000000000 + mix(id, 15) * 1000 + (id % 1000)).slice(-11)}`, occupationWhenRecruited: 'Công chức', recruitingBody: 'Ủy ban nhân dân tỉnh Lai Châu',
    mainDuties: position ?? 'Chuyên viên', generalEducation: '12/12', highestQualification: qualification, politicalTheory: pick(pools.politicalTheory, mix(id, 16)) || undefined,
    stateManagement: pick(pools.stateManagement, mix(id, 17)) || undefined, foreignLanguage: pick(pools.languages, mix(id, 18)), itSkill: pick(pools.it, mix(id, 19)),
    ...(party ? { partyJoinedOn: `${Number(recruitedOn.slice(0, 4)) + 2}-05-19`, partyOfficialOn: `${Number(recruitedOn.slice(0, 4)) + 3}-05-19` } : {}),
    health: 'Tốt',
    training: [{ institution: school, major: qualification.replace(/^(Cử nhân|Thạc sĩ|Kỹ sư|Cao đẳng) /, ''), from: `${birthYear + 18}-09`, to: `${birthYear + 22}-06`, form: 'Chính quy', diploma: DIPLOMAS.find((d) => qualification.startsWith(d)) ?? 'Bằng tốt nghiệp' }],
    career: [{ from: recruitedOn.slice(0, 7), to: null, post: position ?? 'Chuyên viên', unit: 'Ủy ban nhân dân tỉnh Lai Châu' }],
    family: [
      { side: 'own', relation: 'Bố', fullName: `${fullName.split(' ')[0]} Văn ${pick(['Hùng', 'Minh', 'Thắng', 'Páo', 'Lả'], mix(id, 20))}`, birthYear: birthYear - 27, occupation: 'Nghỉ hưu', workplace: '', address: place },
      { side: 'own', relation: 'Mẹ', fullName: `${pick(['Lò Thị', 'Nguyễn Thị', 'Giàng Thị', 'Tao Thị'], mix(id, 21))} ${pick(['Mai', 'Hoa', 'Dua', 'Pằng'], mix(id, 22))}`, birthYear: birthYear - 25, occupation: 'Làm ruộng', workplace: '', address: place },
    ],
    salary,
    awards: mix(id, 23) % 4 === 0 ? [{ on: `${year - 1}-12-20`, form: 'Giấy khen của Chủ tịch UBND tỉnh', decisionNo: `${2000 + (id % 900)}/QĐ-UBND` }] : [],
  };
  return { record, recruitedOn };
}

export async function seedDemoPersonnel(deps: PersonnelDemoDeps, file: string): Promise<{ people: number; placed: number; rated: number }> {
  const demo = JSON.parse(await readFile(file, 'utf8')) as DemoFile;
  const { db } = deps;
  const today = vnDay(deps.now());
  const units = await deps.org.allUnits();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const staff = await deps.org.staffNames(units.map((u) => u.id));
  await db.insertInto('hr_evaluation_rules').values({ from_year: demo.rule.fromYear, name: demo.rule.name, rule: JSON.stringify(demo.rule.rule) }).execute();

  const people = new Map<number, { personId: number; unitId: number; position: string | null }>();
  for (const s of staff) {
    const { record, recruitedOn } = recordFor(s.id, s.fullName, s.position, demo.pools, today);
    const row = await db.insertInto('hr_people').values({ staff_id: s.id, civil_servant_no: `LC${String(s.id).padStart(6, '0')}`, recruited_on: recruitedOn, record: JSON.stringify(record) }).returning('id').executeTakeFirstOrThrow();
    people.set(s.id, { personId: row.id, unitId: s.unitId, position: s.position });
  }

  let placed = 0;
  for (const scheme of demo.schemes) {
    const unit = byCode.get(scheme.unitCode);
    if (!unit) continue;
    await db.insertInto('hr_schemes').values({
      unit_id: unit.id, version_no: 1, status: 'approved', effective_from: scheme.effectiveFrom, positions: JSON.stringify(scheme.positions), decision_no: scheme.decisionNo,
      decision_date: scheme.decisionDate, signer: scheme.signer, submitted_at: new Date(`${scheme.decisionDate}T08:00:00+07:00`), appraised_at: new Date(`${scheme.decisionDate}T09:00:00+07:00`), approved_at: new Date(`${scheme.decisionDate}T10:00:00+07:00`),
    }).execute();
    const subtree = new Set((await deps.org.subtrees([unit.id])).get(unit.id) ?? [unit.id]);
    const inUnit = staff.filter((s) => subtree.has(s.unitId));
    const taken = new Map<string, number>();
    // Two in three are placed; the rest are the placements still to make before the deadline.
    for (const [i, s] of inUnit.entries()) {
      if (i % 3 === 2) continue;
      const lead = /trưởng|giám đốc|chủ tịch/i.test(s.position ?? '');
      const position = scheme.positions.find((p) => (p.category === 'leadership') === lead && (taken.get(p.code) ?? 0) < p.quota);
      if (!position) continue;
      taken.set(position.code, (taken.get(position.code) ?? 0) + 1);
      const person = people.get(s.id)!;
      const movement = await db.insertInto('hr_movements').values({
        person_id: person.personId, kind: 'appointment', on_date: scheme.effectiveFrom, to_unit_id: s.unitId, from_unit_id: s.unitId, position_code: position.code, position_name: position.name,
        decision_no: `${100 + i}/QĐ-${scheme.unitCode.replace(/\./g, '')}`, decision_date: scheme.effectiveFrom, signer: 'Thủ trưởng đơn vị (minh họa)',
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('hr_placements').values({ person_id: person.personId, unit_id: unit.id, position_code: position.code, position_name: position.name, from_date: scheme.effectiveFrom, movement_id: movement.id }).execute();
      placed++;
    }
  }

  // Last year's ratings of the first scheme's unit, self-assessed, reviewed and approved with the quota.
  const year = Number(today.slice(0, 4)) - 1;
  const first = byCode.get(demo.schemes[0]!.unitCode)!;
  const subtree = new Set((await deps.org.subtrees([first.id])).get(first.id) ?? [first.id]);
  const rated = staff.filter((s) => subtree.has(s.unitId)).map((s, i) => {
    const general = 16 + (mix(s.id, 30) % 5);
    const tasks = 62 + (mix(s.id, 31) % 19);
    const facts = { generalPoints: general, taskPoints: tasks, tasks: { total: 10, done: 10 - (i % 5 === 4 ? 1 : 0), exceeded: 3 + (mix(s.id, 32) % 6) }, criteria: { total: 10, weak: i % 7 === 6 ? 1 : 0, failed: 0 }, disciplined: false };
    const r = rate(demo.rule.rule, facts);
    return { staffId: s.id, unitId: s.unitId, facts, result: r.ok ? r : undefined };
  }).filter((r) => r.result);
  const outcome = applyExcellentQuota(demo.rule.rule, rated.map((r) => ({ personId: people.get(r.staffId)!.personId, points: r.result!.points, rating: r.result!.rating })));
  const at = new Date(`${year}-12-12T09:00:00+07:00`);
  for (const [i, r] of rated.entries()) {
    const o = outcome[i]!;
    await db.insertInto('hr_evaluations').values({
      person_id: o.personId, year, unit_id: r.unitId, status: 'approved', self_assessment: 'Hoàn thành các nhiệm vụ được giao đúng tiến độ, chấp hành tốt kỷ luật, kỷ cương hành chính.',
      self_facts: JSON.stringify(r.facts), manager_comment: 'Đồng ý với nội dung tự đánh giá.', meeting_minutes: `Biên bản họp đánh giá, xếp loại công chức năm ${year} của đơn vị.`,
      facts: JSON.stringify(r.facts), points: o.points, proposed_rating: r.result!.rating, rating: o.rating, demoted: o.demoted,
      reasons: JSON.stringify([...r.result!.reasons, ...(o.demoted ? ['Vượt tỷ lệ "Hoàn thành xuất sắc" của đơn vị: xếp "Hoàn thành tốt".'] : [])]), reviewed_at: at, approved_at: at,
    }).execute();
  }
  return { people: people.size, placed, rated: rated.length };
}
