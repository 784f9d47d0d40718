/**
 * What the PAR service reads before it decides anything: a round's participants, their stored score
 * layers, and the derived figures (survey results, other modules' data). Read outside any transaction:
 * the embedded database has one connection, and the feeds read through other services.
 */
import type { ParDeps } from './par.context.js';
import { isLeaf, walk, type CriteriaTree } from './rules/criteria.js';
import { sheetFigures, type StoredLayer } from './rules/sheet.js';
import type { ComputedInput, ScoreLayer } from './rules/scoring.js';
import type { SurveyService } from './survey.service.js';
import { treeOf } from './sets.service.js';

export type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];

export function participantsOf(deps: Pick<ParDeps, 'db'>, roundId: number) {
  return deps.db.selectFrom('par_participants as p').innerJoin('par_sets as s', 's.id', 'p.set_id')
    .select(['p.round_id', 'p.unit_id', 'p.set_id', 'p.block', 'p.facts', 'p.status', 'p.submitted_at', 'p.submitted_by_staff_id',
      'p.explanation_submitted_at', 'p.version', 's.tree', 's.bands', 's.name as set_name'])
    .where('p.round_id', '=', roundId).execute();
}

/** Stored layers per unit and leaf code, with the author's name. */
export async function storedLayers(deps: Pick<ParDeps, 'db' | 'org'>, roundId: number, unitId?: number) {
  let q = deps.db.selectFrom('par_scores').selectAll().where('round_id', '=', roundId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.execute();
  const names = new Map((await deps.org.staffNamesByIds([...new Set(rows.map((r) => r.author_staff_id).filter((x): x is number => x !== null))])).map((s) => [s.id, s.fullName]));
  const out = new Map<number, Map<string, (StoredLayer & { input: unknown; at: Date })[]>>();
  for (const r of rows) {
    const unit = out.get(r.unit_id) ?? new Map();
    out.set(r.unit_id, unit);
    const list = unit.get(r.code) ?? [];
    unit.set(r.code, list);
    list.push({ layer: r.layer as ScoreLayer, points: r.points === null ? null : Number(r.points), reason: r.reason, author: r.author_staff_id === null ? null : names.get(r.author_staff_id) ?? null, input: r.input, at: r.updated_at });
  }
  return out;
}

/** Figures of the computed leaves of a tree for one unit, one read per source. */
export async function computedFigures(deps: Pick<ParDeps, 'feeds'>, tree: CriteriaTree, unitId: number, year: number): Promise<Map<string, ComputedInput | null>> {
  const bySource = new Map<string, ComputedInput | null>();
  const out = new Map<string, ComputedInput | null>();
  for (const { node } of walk(tree.areas)) {
    if (!isLeaf(node) || node.scoring?.kind !== 'computed') continue;
    const source = node.scoring.source;
    if (!bySource.has(source)) bySource.set(source, await deps.feeds.figure(source, unitId, year));
    out.set(node.code, bySource.get(source) ?? null);
  }
  return out;
}

export const factsOf = (p: { facts: unknown }, round: { survey_held: boolean }) => ({ ...(p.facts as Record<string, string | number | boolean>), surveyHeld: round.survey_held });

/** Every participant's sheet as figures: for the board's progress, the council's sheet and publication. */
export async function allSheets(deps: Pick<ParDeps, 'db' | 'org' | 'feeds'>, survey: SurveyService, round: { id: number; year: number; survey_held: boolean }) {
  const [participants, layers, percents] = await Promise.all([participantsOf(deps, round.id), storedLayers(deps, round.id), survey.percents(round.id)]);
  const out = [];
  for (const p of participants) {
    const tree = treeOf(p);
    const computed = await computedFigures(deps, tree, p.unit_id, round.year);
    const figures = sheetFigures(tree, factsOf(p, round), layers.get(p.unit_id) ?? new Map(), { survey: percents.get(p.unit_id) ?? new Map(), computed });
    out.push({ participant: p, tree, figures, layers: layers.get(p.unit_id) ?? new Map<string, StoredLayer[]>() });
  }
  return out;
}
