import { readFile } from 'node:fs/promises';
import { vnDay } from '../directives/rules/deadlines.js';
import type { Actor } from '../../platform/access/policy.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import type { ParService } from './par.service.js';
import { isExtra, isLeaf, walk, type CriteriaTree, type CriterionNode } from './rules/criteria.js';
import { scoreLeaf, type ComputedInput } from './rules/scoring.js';
import { isDerived } from './rules/sheet.js';
import { computedFigures } from './par.reads.js';

/**
 * The demo's PAR index: last year's round, run to the end and published, so the ranking, the sheets with
 * their layers and the survey are there to look at on whatever day the demo is generated — and this
 * year's round is left for the Department of Home Affairs to open from last year's sets (the issue's
 * journey). The sets are demo/par/ (illustrative points, README there). The sets, the round's stages, the
 * council and the publication go through the service as the organiser would; the units' scores and the
 * survey slips, a few thousand rows, are written in bulk, deterministic from the unit and criterion codes.
 */
export type ParDemoDeps = {
  par: ParService;
  db: import('../../platform/db/transaction.js').Db;
  org: Pick<OrgService, 'allUnits'>;
  now: () => Date;
  as(username: string): Promise<RequestContext & { actor: Actor }>;
};

type SetFile = {
  name: string; year: number; blocks: ('so' | 'phuong' | 'xa')[]; illustrative: boolean; illustrativeNote: string;
  tree: { caps: CriteriaTree['caps']; areas: (CriterionNode & { appraisingUnitCode?: string })[] };
  bands: { label: string; min: number }[]; answerWeights: Record<string, number>;
};

/** A number 0 ≤ x < 1 from a text, the same on every run. */
function hash01(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** A self-score input a unit would plausibly give on this leaf: most criteria met, some partly. */
function demoInput(node: CriterionNode, r: number): number | boolean | null {
  const s = node.scoring!;
  switch (s.kind) {
    case 'binary': return r < 0.88;
    case 'manual': return Math.round(node.maxPoints * (0.6 + 0.4 * r) * 4) / 4;
    case 'tiered': {
      const tiers = [...s.tiers].sort((a, b) => (s.better === 'higher' ? b.threshold - a.threshold : a.threshold - b.threshold));
      return tiers[Math.min(tiers.length - 1, Math.floor(r * r * tiers.length * 1.3))]!.threshold;
    }
    case 'ratio': return Math.round((0.7 + 0.3 * r) * 100) / 100;
    case 'bonus': return r < 0.2 ? Math.min(node.maxPoints, 1) : 0;
    case 'penalty': return r > 0.9 ? Math.min(node.maxPoints, 0.5) : 0;
    default: return null;
  }
}

export async function seedDemoPar(deps: ParDemoDeps, dir: string): Promise<{ year: number; units: number }> {
  const year = Number(vnDay(deps.now()).slice(0, 4)) - 1;
  const units = await deps.org.allUnits();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const snv = await deps.as('chuyenvien.snv');

  // The sets, as issued by the People's Committee in the autumn of that year.
  const setIds: number[] = [];
  const trees = new Map<number, CriteriaTree>();
  for (const [i, file] of ['2025-so.json', '2025-xa.json'].entries()) {
    const raw = JSON.parse(await readFile(`${dir}/${file}`, 'utf8')) as SetFile;
    const mapNode = (n: CriterionNode & { appraisingUnitCode?: string }): CriterionNode => {
      const { appraisingUnitCode, children, ...rest } = n;
      const unit = appraisingUnitCode ? byCode.get(appraisingUnitCode) : undefined;
      if (appraisingUnitCode && !unit) throw new Error(`demo PAR set ${file}: no unit ${appraisingUnitCode}`);
      return { ...rest, ...(unit ? { appraisingUnitId: unit.id } : {}), ...(children ? { children: children.map(mapNode) } : {}) };
    };
    const tree: CriteriaTree = { caps: raw.tree.caps, areas: raw.tree.areas.map(mapNode) };
    const made = await deps.par.sets.create(snv, {
      year, name: raw.name.replaceAll(String(raw.year), String(year)), blocks: raw.blocks, tree: tree as never, bands: raw.bands, answerWeights: raw.answerWeights,
      illustrative: raw.illustrative, illustrativeNote: raw.illustrativeNote,
    });
    await deps.par.sets.issue(snv, made.id, { version: made.version, decisionNumber: `${2712 + i}/QĐ-UBND`, decisionDate: `${year}-10-31`, decisionSigner: 'Chủ tịch Ủy ban nhân dân tỉnh' });
    setIds.push(made.id);
    trees.set(made.id, tree);
  }

  const opened = await deps.par.rounds.open(snv, { year, name: `Xác định Chỉ số cải cách hành chính năm ${year}`, selfDeadlineWorkingDays: 10, surveyHeld: true, councilQuorum: 0.5, setIds });
  const roundId = opened.round.id;
  const participants = await deps.db.selectFrom('par_participants').select(['unit_id', 'set_id', 'block']).where('round_id', '=', roundId).execute();
  const codeOf = new Map(units.map((u) => [u.id, u.code ?? String(u.id)]));

  // Survey forms for the two groups the demo asks (leaders about departments; leaders about communes).
  const forms: { id: number; questions: { id: string }[]; blocks: string[] }[] = [];
  for (const [setId, tree] of trees) {
    const blocks = (await deps.db.selectFrom('par_sets').select('blocks').where('id', '=', setId).executeTakeFirstOrThrow()).blocks as ('so' | 'phuong' | 'xa')[];
    const surveyLeaves = [...walk(tree.areas)].map((w) => w.node).filter((n) => isLeaf(n) && n.scoring?.kind === 'survey');
    const options = [{ key: 'A', text: 'Rất hài lòng' }, { key: 'B', text: 'Hài lòng' }, { key: 'C', text: 'Chưa hài lòng' }, { key: 'D', text: 'Không hài lòng' }, { key: 'E', text: 'Không biết, không trả lời' }];
    const form = await deps.par.survey.saveForm(snv, { roundId }, {
      code: blocks.includes('so') ? '02' : '06', name: blocks.includes('so') ? 'Phiếu lấy ý kiến về các sở, ban, ngành' : 'Phiếu lấy ý kiến về Ủy ban nhân dân xã, phường',
      respondentGroup: blocks.includes('so') ? 'Đại biểu HĐND tỉnh, lãnh đạo Ủy ban MTTQ Việt Nam tỉnh' : 'Lãnh đạo các sở, ban, ngành',
      blocks, questions: surveyLeaves.map((n, i) => ({ id: `c${i + 1}`, text: `Ông/bà đánh giá thế nào về: ${n.text.charAt(0).toLowerCase()}${n.text.slice(1)}?`, criterionCode: n.code, options })),
    });
    forms.push({ id: form.id, questions: surveyLeaves.map((_, i) => ({ id: `c${i + 1}` })), blocks });
  }

  const snvStaff = snv.actor.staffId;
  // Read before the transaction: the feeds read other modules (the embedded database has one connection).
  const computedByUnit = new Map<number, Map<string, ComputedInput | null>>();
  for (const p of participants) computedByUnit.set(p.unit_id, await computedFigures({ feeds: deps.par.feeds }, trees.get(p.set_id)!, p.unit_id, year));
  const deadline = `${year}-12-15`;
  await inTransaction(deps.db, async (trx) => {
    await trx.updateTable('par_rounds').set({ self_deadline: deadline }).where('id', '=', roundId).execute();
    for (const p of participants) {
      const unitCode = codeOf.get(p.unit_id)!;
      await trx.updateTable('par_participants').set({ facts: JSON.stringify({ hasProcedures: true, hasPublicServiceUnits: true }) }).where('round_id', '=', roundId).where('unit_id', '=', p.unit_id).execute();
      const tree = trees.get(p.set_id)!;
      const values = [];
      const evidence = [];
      for (const { node } of walk(tree.areas)) {
        if (!isLeaf(node) || isDerived(node)) continue;
        const r = hash01(`${unitCode}/${node.code}`);
        const input = demoInput(node, r);
        const scored = input === null ? null : scoreLeaf(node.scoring!, node.maxPoints, input);
        const points = scored?.ok ? scored.points : null;
        const withEvidence = !isExtra(node) && r < 0.8;
        values.push({ round_id: roundId, unit_id: p.unit_id, code: node.code, layer: 'self' as const, points, input: JSON.stringify(input), reason: withEvidence ? null : 'Tài liệu đang lưu tại đơn vị; đã báo cáo bằng văn bản.', author_staff_id: snvStaff });
        if (withEvidence) evidence.push({ round_id: roundId, unit_id: p.unit_id, code: node.code, kind: 'record' as const, title: node.evidence ?? 'Tài liệu kiểm chứng', record_kind: 'report', record_ref: `${unitCode}/${year}/${node.code}`, added_by_staff_id: snvStaff });
        // One criterion in eight is lowered by its appraiser, with the reason the sheet shows.
        if (!isExtra(node) && points !== null && points > 0 && hash01(`${unitCode}#${node.code}`) < 0.12) {
          values.push({ round_id: roundId, unit_id: p.unit_id, code: node.code, layer: 'appraisal1' as const, points: Math.round(points * 0.75 * 4) / 4, input: null, reason: 'Tài liệu kiểm chứng chưa đủ để chứng minh toàn bộ kết quả tự chấm.', author_staff_id: snvStaff });
        }
      }
      // A computed criterion the system has no figure for (the year before the system ran) is scored by its
      // appraiser from the unit's report, as appraisal councils do.
      for (const [code, figure] of computedByUnit.get(p.unit_id) ?? []) {
        if (figure?.value !== null && figure?.value !== undefined) continue;
        const node = [...walk(tree.areas)].find((w) => w.node.code === code)!.node;
        values.push({ round_id: roundId, unit_id: p.unit_id, code, layer: 'appraisal1' as const, points: Math.round(node.maxPoints * (0.75 + 0.25 * hash01(`${unitCode}=${code}`)) * 4) / 4, input: null,
          reason: `Hệ thống chưa có số liệu năm ${year} cho tiêu chí này; chấm theo báo cáo của đơn vị và số liệu của cơ quan thẩm định.`, author_staff_id: snvStaff });
      }
      if (values.length) await trx.insertInto('par_scores').values(values).execute();
      if (values.length) await trx.insertInto('par_score_changes').values(values.map(({ input: _input, ...v }) => ({ ...v, correction_id: null }))).execute();
      if (evidence.length) await trx.insertInto('par_evidence').values(evidence).execute();
      // Submitted in the week before the deadline; one unit in ten a few days late.
      const r = hash01(`${unitCode}/submitted`);
      const day = r < 0.1 ? 17 + Math.floor(r * 30) : 8 + Math.floor(r * 7);
      await trx.updateTable('par_participants').set({ status: 'submitted', submitted_at: new Date(`${year}-12-${String(day).padStart(2, '0')}T09:30:00+07:00`), submitted_by_staff_id: snvStaff })
        .where('round_id', '=', roundId).where('unit_id', '=', p.unit_id).execute();
      // Twelve paper slips about each unit.
      const form = forms.find((f) => f.blocks.includes(p.block))!;
      const slips = [];
      for (let k = 0; k < 12; k++) {
        const answers: Record<string, string | null> = {};
        for (const q of form.questions) {
          const x = hash01(`${unitCode}/${form.id}/${q.id}/${k}`);
          answers[q.id] = x < 0.45 ? 'A' : x < 0.8 ? 'B' : x < 0.9 ? 'C' : x < 0.95 ? 'D' : 'E';
        }
        slips.push({ form_id: form.id, unit_id: p.unit_id, channel: 'paper' as const, respondent: JSON.stringify({ sex: k % 2 ? 'female' : 'male' }), answers: JSON.stringify(answers), entered_by_staff_id: snvStaff });
      }
      await trx.insertInto('par_survey_responses').values(slips).execute();
    }
  });

  // The stages, the council and the publication, as the organiser and the council's members did them.
  let board = opened;
  for (const stage of ['appraisal1', 'explanation', 'appraisal2'] as const) board = await deps.par.rounds.advance(snv, roundId, { version: board.round.version, stage, explanationDeadlineWorkingDays: 5 });
  const staffOf = async (username: string) => (await deps.as(username)).actor.staffId;
  board = await deps.par.rounds.setCouncil(snv, roundId, { version: board.round.version, members: [
    { staffId: await staffOf('lanhdao.snv'), role: 'chair' }, { staffId: await staffOf('chuyenvien.snv'), role: 'secretary' },
    { staffId: await staffOf('lanhdao.stp'), role: 'member' }, { staffId: await staffOf('lanhdao.sxd'), role: 'member' },
  ] });
  board = await deps.par.rounds.advance(snv, roundId, { version: board.round.version, stage: 'council' });
  for (const member of ['lanhdao.snv', 'lanhdao.stp', 'lanhdao.sxd']) await deps.par.rounds.vote(await deps.as(member), roundId, { vote: 'approve', note: null });
  board = await deps.par.rounds.board(snv, roundId);
  // Published by decision in January, or today if the demo is generated before then.
  const today = vnDay(deps.now());
  const published = `${year + 1}-01-20` < today ? `${year + 1}-01-20` : today;
  await deps.par.rounds.publish(snv, roundId, { version: board.round.version, decisionNumber: '85/QĐ-UBND', decisionDate: published, signer: 'Chủ tịch Ủy ban nhân dân tỉnh' });
  await deps.db.updateTable('par_rounds').set({ explanation_deadline: `${year}-12-29` }).where('id', '=', roundId).execute();
  return { year, units: participants.length };
}
