import type { ChannelTime, Fee, ProcedureContent, RequiredDocument } from '../../catalog/schema.js';
import type { Estimates } from './cost-model.js';
import type { PlanChanges, ProcedureFacts } from './types.js';

type Problem = { path: string; vi: string; en: string };

const UNIT_VI = { working_days: 'ngày làm việc', calendar_days: 'ngày', working_hours: 'giờ làm việc' } as const;

function documentsAfter(docs: readonly RequiredDocument[], changes: PlanChanges): RequiredDocument[] {
  const removed = new Set(changes.removeDocuments);
  const reused = new Set(changes.reuseDocuments);
  return docs.filter((d) => !removed.has(d.name)).map((d) => (reused.has(d.name) ? { ...d, reusableFromNationalDb: true } : { ...d }));
}

function feesAfter(fees: readonly Fee[], changes: PlanChanges): Fee[] {
  const amounts = new Map(changes.fees.map((f) => [f.name, f.amountVnd]));
  return fees.map((f) => (amounts.has(f.name) ? { ...f, amount: amounts.get(f.name)! } : { ...f }));
}

function channelsAfter(channels: readonly ChannelTime[], changes: PlanChanges): ChannelTime[] {
  const t = changes.timeLimit;
  return channels.map((ch) => {
    if (!t) return { ...ch, time: { ...ch.time } };
    // A same-day cutoff belongs to working days only (catalogue schema): dropped with any other unit.
    const cutoff = t.unit === 'working_days' && ch.time.cutoff !== undefined ? { cutoff: ch.time.cutoff } : {};
    return { ...ch, time: { amount: t.amount, unit: t.unit, ...cutoff } };
  });
}

/** Full-online filing: an online channel (with the desk's time, else the first channel's) when there is none. */
function withOnline(channels: ChannelTime[]): ChannelTime[] {
  if (channels.some((c) => c.kind === 'online')) return channels;
  const model = channels.find((c) => c.kind === 'desk') ?? channels[0];
  return model ? [...channels, { kind: 'online', time: { ...model.time } }] : channels;
}

/**
 * Full-online filing and result: every dossier filed online, supplements answered online, results
 * returned online, so no trip to the desk is left. The counts of the period are moved, not invented:
 * the same dossiers and the same supplement requests.
 */
function factsOnline(f: ProcedureFacts): ProcedureFacts {
  return { ...f, online: f.dossiers, desk: 0, post: 0, supplementOnline: f.supplementOnline + f.supplementTrips, supplementTrips: 0, resultsAtDesk: 0 };
}

/**
 * A simplification plan applied to a version and its facts (RULES.md "Plans"): documents removed or
 * reused no longer cost preparation or copies; full-online filing removes the trips to the desk (the
 * supplements answered online instead); fees take their new amounts; the time limit changes (not a cost).
 * Pure: the inputs are never changed.
 */
export function applyPlan(content: ProcedureContent, facts: ProcedureFacts | null, changes: PlanChanges): { content: ProcedureContent; facts: ProcedureFacts | null } {
  const full = changes.onlineMode === 'full';
  // 'partial' only opens the online channel: how many would use it is not known, so the facts stay.
  const online = full || (changes.onlineMode === 'partial' && content.onlineMode === 'none');
  const channels = channelsAfter(content.channels, changes);
  const next: ProcedureContent = {
    ...structuredClone(content),
    documents: documentsAfter(content.documents, changes),
    cases: content.cases.map((c) => ({
      ...structuredClone(c),
      ...(c.documents ? { documents: documentsAfter(c.documents, changes) } : {}),
      ...(c.fees ? { fees: feesAfter(c.fees, changes) } : {}),
      ...(c.channels ? { channels: channelsAfter(c.channels, changes) } : {}),
    })),
    fees: feesAfter(content.fees, changes),
    channels: online ? withOnline(channels) : channels,
    onlineMode: full ? 'full' : online ? 'partial' : content.onlineMode,
  };
  return { content: next, facts: facts && full ? factsOnline(facts) : facts ? { ...facts } : null };
}

/**
 * The reviewer's estimates keyed for the plan's content: a document's lines are keyed by its position
 * (`document:<i>`, `certify:<i>`, `copy:<i>`), which moves when an earlier document is removed. The
 * estimates of a removed document are dropped; the others follow their document. Other keys stay.
 */
export function estimatesAfterPlan(content: ProcedureContent, changes: PlanChanges, estimates: Estimates): Estimates {
  const removed = new Set(changes.removeDocuments);
  const newIndex: (number | null)[] = [];
  let next = 0;
  for (const d of content.documents) newIndex.push(removed.has(d.name) ? null : next++);
  const out: Estimates = {};
  for (const [key, e] of Object.entries(estimates)) {
    const m = /^(document|certify|copy):(\d+)$/.exec(key);
    if (!m) {
      out[key] = e;
      continue;
    }
    const i = newIndex[Number(m[2])];
    if (i !== null && i !== undefined) out[`${m[1]}:${i}`] = e;
  }
  return out;
}

const hasChange = (c: PlanChanges) =>
  c.removeDocuments.length > 0 || c.reuseDocuments.length > 0 || c.onlineMode !== undefined || c.timeLimit !== undefined || c.fees.length > 0;

function timeProblems(content: ProcedureContent, t: NonNullable<PlanChanges['timeLimit']>): Problem[] {
  const other = content.channels.find((c) => c.time.unit !== t.unit);
  if (other) {
    return [{
      path: 'changes.timeLimit.unit',
      vi: `Thời hạn hiện tại tính bằng ${UNIT_VI[other.time.unit]}: đổi đơn vị thời hạn không được hỗ trợ`,
      en: 'The current time limit is in another unit: changing the unit is not supported',
    }];
  }
  // It replaces every channel's time, so it must be shorter than the shortest of them (no channel lengthened).
  const shortest = Math.min(...content.channels.map((c) => c.time.amount));
  return t.amount < shortest ? [] : [{
    path: 'changes.timeLimit.amount',
    vi: `Thời hạn mới phải ngắn hơn thời hạn hiện tại (${shortest} ${UNIT_VI[t.unit]})`,
    en: `The new time limit must be shorter than the current one (${shortest})`,
  }];
}

/** What in the changes does not fit the version (a document or fee it does not have, a time limit not shorter): [{ path, vi, en }]. */
export function planProblems(content: ProcedureContent, changes: PlanChanges): Problem[] {
  if (!hasChange(changes)) {
    return [{ path: 'changes', vi: 'Phương án chưa có nội dung đơn giản hóa nào', en: 'The plan changes nothing yet' }];
  }
  const problems: Problem[] = [];
  const documents = new Set(content.documents.map((d) => d.name));
  const unknownDocument = (list: 'removeDocuments' | 'reuseDocuments') =>
    changes[list].forEach((name, i) => {
      if (!documents.has(name)) problems.push({ path: `changes.${list}.${i}`, vi: `Thủ tục không có giấy tờ "${name}"`, en: `The procedure has no document "${name}"` });
    });
  unknownDocument('removeDocuments');
  unknownDocument('reuseDocuments');
  const removed = new Set(changes.removeDocuments);
  changes.reuseDocuments.forEach((name, i) => {
    if (removed.has(name) && documents.has(name)) {
      problems.push({ path: `changes.reuseDocuments.${i}`, vi: `Giấy tờ "${name}" vừa được bãi bỏ vừa được khai thác lại`, en: `Document "${name}" is both removed and reused` });
    }
  });
  const fees = new Set(content.fees.map((f) => f.name));
  changes.fees.forEach((f, i) => {
    if (!fees.has(f.name)) problems.push({ path: `changes.fees.${i}.name`, vi: `Thủ tục không có khoản phí, lệ phí "${f.name}"`, en: `The procedure has no fee or charge "${f.name}"` });
  });
  if (changes.timeLimit) problems.push(...timeProblems(content, changes.timeLimit));
  if (changes.onlineMode === 'full' && content.onlineMode === 'full') {
    problems.push({ path: 'changes.onlineMode', vi: 'Thủ tục đã là dịch vụ công trực tuyến toàn trình', en: 'The procedure is already fully online' });
  }
  if (changes.onlineMode === 'partial' && content.onlineMode !== 'none') {
    problems.push({ path: 'changes.onlineMode', vi: 'Thủ tục đã được cung cấp trực tuyến', en: 'The procedure is already offered online' });
  }
  return problems;
}
