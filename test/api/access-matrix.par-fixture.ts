import type { TestApp } from '../support/test-app.js';
import type { UnitRelation } from './access-matrix.rules.js';

type Req = { method: string; url: string; body?: unknown };
type Stage = 'self_assessment' | 'appraisal1' | 'explanation' | 'appraisal2' | 'council' | 'approved' | 'published';

/**
 * PAR index records for the matrix (issue 16): rounds whose sheets belong to each relation's unit, at the
 * stage a row needs. Made by the root administrator (who runs PAR: par.manage everywhere); the stage is
 * then set in the database, as the rows judge who may act at a stage, not how a round gets there.
 */
export type ParFixture = {
  organiserUnitId: number;
  /** An issued set of a year no round uses. */
  freshIssuedSet(): Promise<{ id: number; year: number }>;
  /** A draft set (version 1). */
  draftSet(valid: boolean): Promise<{ id: number; version: number }>;
  /**
   * The round at `stage`, with a sheet for each relation's unit; one per stage. `reset` puts it (and the
   * unit's sheet) back where the row's action starts, as the previous subject's success moved it on.
   */
  round(stage: Stage, reset?: { unitId?: number }): Promise<number>;
  version(roundId: number, unitId: number): Promise<number>;
  roundVersion(roundId: number): Promise<number>;
  /** A link evidence on leaf 1.1 of a self-assessment sheet, added by the root administrator. */
  evidence(roundId: number, unitId: number, fileKey?: string): Promise<number>;
  councilMembers: { staffId: number; role: string }[];
  /** A survey form of the self-assessment round (no answers yet when `fresh`): its id and version. */
  surveyForm(fresh?: boolean): Promise<{ id: number; version: number }>;
  /** A fresh invitation code of the shared form for the own unit. */
  surveyCode(): Promise<string>;
  /** A set's workbook, as the root administrator downloads it. */
  xlsx(setId: number): Promise<Buffer>;
  /** A stored PDF's key (uploaded once by the root administrator). */
  fileKey(): Promise<string>;
};

const tree = {
  caps: { bonus: 0, penalty: 0 },
  areas: [
    { code: '1', text: 'Chỉ đạo, điều hành cải cách hành chính', maxPoints: 10, children: [{ code: '1.1', text: 'Kế hoạch cải cách hành chính năm', maxPoints: 10, scoring: { kind: 'manual' } }] },
    { code: '2', text: 'Mức độ hài lòng', maxPoints: 5, children: [{ code: '2.1', text: 'Hài lòng về công khai thủ tục', maxPoints: 5, scoring: { kind: 'survey' } }] },
  ],
};

export async function parFixture(t: TestApp, asRoot: (req: Req) => Promise<any>, unit: Record<UnitRelation, { id: number }>, staffIds: number[], upload: () => Promise<string>, download: (setId: number) => Promise<Buffer>): Promise<ParFixture> {
  let key: string | undefined;
  let form: { id: number; version: number } | undefined;
  let year = 2050;
  let n = 0;
  const kept = new Map<Stage, number>();
  const organiserUnitId = await t.unitId('H30.101');
  const set = async (y: number, valid = true) => asRoot({ method: 'POST', url: '/api/v1/par/sets', body: { year: y, name: `Bộ tiêu chí ma trận ${++n}`, blocks: ['xa'], tree: valid ? tree : { ...tree, areas: [{ ...tree.areas[0], maxPoints: 9 }] } } });
  const issued = async (y: number) => {
    const s = await set(y);
    await asRoot({ method: 'POST', url: `/api/v1/par/sets/${s.id}/issue`, body: { version: s.version, decisionNumber: `${n}/QĐ-UBND`, decisionDate: `${y}-01-10`, decisionSigner: 'Chủ tịch UBND tỉnh' } });
    return { id: s.id as number, year: y };
  };
  const relations: UnitRelation[] = ['own', 'child', 'sibling', 'other'];
  async function makeRound(stage: Stage) {
    const s = await issued(++year);
    const board = await asRoot({ method: 'POST', url: '/api/v1/par/rounds', body: {
      year: s.year, name: `Đợt ma trận ${s.year}`, selfDeadlineWorkingDays: 10, surveyHeld: false, setIds: [s.id],
      participants: relations.map((r) => ({ unitId: unit[r].id, setId: s.id, block: 'xa' })),
    } });
    const id = board.round.id as number;
    for (const r of relations) {
      // Every sheet has its one leaf scored and explained, so a submission is complete.
      const v = await version(id, unit[r].id);
      await asRoot({ method: 'PUT', url: `/api/v1/par/rounds/${id}/units/${unit[r].id}/leaves/1.1/self`, body: { version: v, input: 8, explanation: 'Kế hoạch số 12/KH-UBND, mục II' } });
    }
    if (stage !== 'self_assessment') {
      await t.db.updateTable('par_participants').set({ status: 'submitted', submitted_at: new Date() }).where('round_id', '=', id).execute();
      for (const r of relations) {
        await t.db.insertInto('par_explanations').values({ round_id: id, unit_id: unit[r].id, code: '1.1', request: 'Đề nghị bổ sung kế hoạch', answer: stage === 'explanation' ? 'Đã bổ sung' : null }).execute();
      }
      await t.db.updateTable('par_rounds').set({ stage }).where('id', '=', id).execute();
    }
    if (['appraisal2', 'council', 'approved', 'published'].includes(stage)) {
      for (const [i, staffId] of staffIds.slice(0, 3).entries()) await t.db.insertInto('par_council_members').values({ round_id: id, staff_id: staffId, role: i === 0 ? 'chair' : 'member' }).execute();
    }
    return id;
  }
  async function version(roundId: number, unitId: number) {
    return (await t.db.selectFrom('par_participants').select('version').where('round_id', '=', roundId).where('unit_id', '=', unitId).executeTakeFirstOrThrow()).version;
  }
  const fixture: ParFixture = {
    organiserUnitId,
    freshIssuedSet: () => issued(++year),
    async draftSet(valid) {
      const s = await set(2049, valid);
      return { id: s.id, version: s.version };
    },
    async round(stage, reset) {
      const id = kept.get(stage) ?? (await makeRound(stage));
      kept.set(stage, id);
      if (reset) {
        await t.db.updateTable('par_rounds').set({ stage }).where('id', '=', id).execute();
        if (reset.unitId !== undefined) {
          await t.db.updateTable('par_participants').set({ status: stage === 'self_assessment' ? 'draft' : 'submitted', explanation_submitted_at: null })
            .where('round_id', '=', id).where('unit_id', '=', reset.unitId).execute();
        }
      }
      return id;
    },
    version,
    async roundVersion(roundId) {
      return (await t.db.selectFrom('par_rounds').select('version').where('id', '=', roundId).executeTakeFirstOrThrow()).version;
    },
    async evidence(roundId, unitId, fileKey) {
      const body = fileKey ? { kind: 'file', title: 'Kế hoạch CCHC năm', fileKey, fileName: 'ke-hoach.pdf', section: 'Mục II', page: '2' } : { kind: 'link', title: 'Kế hoạch CCHC trên cổng', url: 'https://laichau.gov.vn/ke-hoach-cchc' };
      const sheet = await asRoot({ method: 'POST', url: `/api/v1/par/rounds/${roundId}/units/${unitId}/leaves/1.1/evidence`, body });
      const leaf = sheet.nodes.find((x: { code: string }) => x.code === '1.1');
      return leaf.evidence[leaf.evidence.length - 1].id as number;
    },
    fileKey: async () => (key ??= await upload()),
    xlsx: download,
    async surveyForm(fresh = false) {
      if (!fresh && form) return form;
      const round = kept.get('self_assessment') ?? (await fixture.round('self_assessment'));
      const made = await asRoot({ method: 'POST', url: `/api/v1/par/rounds/${round}/survey/forms`, body: {
        code: `M${++n}`, name: 'Phiếu lấy ý kiến lãnh đạo xã', respondentGroup: 'Lãnh đạo UBND xã', blocks: ['xa'],
        questions: [{ id: 'c1', text: 'Việc công khai thủ tục hành chính của đơn vị?', criterionCode: '2.1', options: [{ key: 'A', text: 'Rất tốt' }, { key: 'B', text: 'Tốt' }, { key: 'C', text: 'Chưa tốt' }, { key: 'D', text: 'Kém' }] }],
      } });
      const out = { id: made.id as number, version: made.version as number };
      if (!fresh) form = out;
      return out;
    },
    async surveyCode() {
      const f = await fixture.surveyForm();
      const res = await asRoot({ method: 'POST', url: `/api/v1/par/survey/forms/${f.id}/invitations`, body: { unitId: unit.own.id, count: 1 } });
      return res.invitations[0].code as string;
    },
    councilMembers: staffIds.slice(0, 3).map((staffId, i) => ({ staffId, role: i === 0 ? 'chair' : 'member' })),
  };
  return fixture;
}
