/**
 * The sociological survey of a PAR round (điều tra xã hội học, issue 16 item 4; DOMAIN-MANAGEMENT §A3
 * step 5): forms per respondent group with questions mapped to the survey criteria of the round's sets,
 * one-time invitations to answer online (link or QR), paper slips typed in by the organiser's staff, and
 * the result per unit and criterion that the index counts (rules/survey.ts).
 *
 * The module has no repository file for the survey yet: its few queries are here, each next to the rule
 * it serves. Only the organiser (`par.manage` at the round's organising unit) runs the survey; the
 * public answers only by an invitation code.
 */
import { randomInt } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError, errors, type FieldError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { requireManager, roundOr404, type ParDeps } from './par.context.js';
import type { Stage, StoredSurveyQuestion } from './par.tables.js';
import { isLeaf, walk, type CriteriaTree } from './rules/criteria.js';
import { DEFAULT_ANSWER_WEIGHTS, surveyResult, validateWeights, type AnswerWeights, type SurveyAnswer, type SurveyResult } from './rules/survey.js';
import type { RespondentInput, SlipInput, SurveyFormInput } from './survey.schema.js';

/**
 * Invitation codes: 32 symbols that cannot be mistaken for one another on paper or a screen (no 0/O,
 * no 1/I), 12 of them: 2^60 codes, so guessing one of the few thousand live codes of a year is hopeless
 * even without a per-address limit. Only `deps.codeHash` of the code is stored.
 */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;
const newCode = () => Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** As typed or read from a link: upper case, spaces and dashes dropped; null when it cannot be a code. */
function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  return s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c)) ? s : null;
}

/** Answers count until the People's Committee approves the result; after that the figures are final. */
const OPEN_STAGES: readonly Stage[] = ['self_assessment', 'appraisal1', 'explanation', 'appraisal2', 'council'];

const formNotFound = () => errors.notFound('phiếu khảo sát', 'Survey form', 'SURVEY_FORM_NOT_FOUND');
// One answer for every code that finds nothing: a wrong code says nothing about any form or unit.
const codeNotFound = () => new AppError('SURVEY_CODE_NOT_FOUND', 404, 'Mã khảo sát không đúng. Vui lòng kiểm tra lại đường dẫn hoặc mã trên giấy mời.', 'The survey code is not right. Check the link or the code on your invitation.');
const codeUsed = () => errors.conflict('SURVEY_CODE_USED', 'Mã khảo sát này đã được dùng; mỗi mã chỉ trả lời một lần.', 'This survey code has already been used; one answer per code.');
const surveyClosed = () => errors.conflict('SURVEY_CLOSED', 'Kết quả chỉ số cải cách hành chính đã được phê duyệt; cuộc khảo sát đã kết thúc.', 'The round\'s result is approved; the survey is closed.');
const formAnswered = () => errors.conflict('SURVEY_FORM_ANSWERED', 'Phiếu khảo sát đã có người trả lời nên không sửa được nữa. Hãy tạo phiếu mới nếu cần thay đổi câu hỏi.', 'The form has answers and can no longer be edited; create a new form instead.');
const formChanged = () => errors.conflict('SURVEY_FORM_CHANGED', 'Phiếu khảo sát vừa được sửa. Vui lòng tải lại phiếu và trả lời lại.', 'The form has just been changed. Reload it and answer again.');
const invalid = (path: string, vi: string, en: string): FieldError => ({ path, message: vi, messageEn: en });

type Round = Awaited<ReturnType<typeof roundOr404>>;
type FormRow = { id: number; round_id: number; code: string; name: string; respondent_group: string; blocks: string[]; questions: StoredSurveyQuestion[]; version: number; created_at: Date; updated_at: Date };
type SetInfo = { leaves: Map<string, string>; weights: AnswerWeights };
type Frame = { participants: { unit_id: number; set_id: number; block: string }[]; sets: Map<number, SetInfo> };

/** The survey leaves of a set's tree, code → text. */
function surveyLeaves(tree: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const areas = (tree as CriteriaTree | null)?.areas ?? [];
  for (const { node } of walk(areas)) if (isLeaf(node) && node.scoring?.kind === 'survey') out.set(node.code, node.text);
  return out;
}

/** The set's own weights (par_sets.answer_weights) when they are sound, else the default 100/60/20/0. */
function weightsOf(value: unknown): AnswerWeights {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return DEFAULT_ANSWER_WEIGHTS;
  const w = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.trim().toUpperCase(), v]));
  return Object.values(w).every((v) => typeof v === 'number') && validateWeights(w as AnswerWeights).length === 0 ? (w as AnswerWeights) : DEFAULT_ANSWER_WEIGHTS;
}

/** The form's questions answered by a slip: unknown questions and options refused, every question stored (blank = null). */
function checkSlip(questions: readonly StoredSurveyQuestion[], slip: SlipInput): { answers: Record<string, string | null>; respondent: Record<string, string> } {
  const problems: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [qid, option] of Object.entries(slip.answers)) {
    const q = byId.get(qid);
    if (!q) problems.push(invalid(`answers.${qid}`, `Phiếu không có câu hỏi mã "${qid}".`, `The form has no question "${qid}".`));
    else if (option !== null && !q.options.some((o) => o.key === option)) {
      problems.push(invalid(`answers.${qid}`, `Câu ${qid}: phương án "${option}" không có trong câu hỏi.`, `Question ${qid}: there is no option "${option}".`));
    }
  }
  if (problems.length) throw errors.validation(problems);
  const answers = Object.fromEntries(questions.map((q) => [q.id, slip.answers[q.id] ?? null]));
  if (Object.values(answers).every((a) => a === null)) {
    throw errors.validation([invalid('answers', 'Phiếu chưa trả lời câu hỏi nào.', 'No question is answered.')]);
  }
  const respondent: Record<string, string> = {};
  for (const [k, v] of Object.entries(slip.respondent as RespondentInput)) if (typeof v === 'string' && v) respondent[k] = v;
  return { answers, respondent };
}

const formView = (f: FormRow) => ({
  id: f.id, roundId: f.round_id, code: f.code, name: f.name, respondentGroup: f.respondent_group, blocks: f.blocks,
  questions: f.questions, version: f.version, createdAt: f.created_at.toISOString(), updatedAt: f.updated_at.toISOString(),
});

export function createSurveyService(deps: ParDeps & { publicUrl: string }) {
  const { db } = deps;

  const findForm = async (id: number) => db.selectFrom('par_survey_forms').selectAll().where('id', '=', id).executeTakeFirst() as Promise<FormRow | undefined>;

  /** The form, its round and the caller as the round's manager (404 for no form, 403 for no right). */
  async function managedForm(ctx: RequestContext, formId: number) {
    const form = await findForm(formId);
    if (!form) throw formNotFound();
    const round = await roundOr404(db, form.round_id);
    requireManager(ctx.actor, round.organiser_unit_id);
    return { form, round };
  }

  function requireOpen(round: Pick<Round, 'stage'>) {
    if (!OPEN_STAGES.includes(round.stage)) throw surveyClosed();
  }

  /** The round's participants and, for each set they are scored by, its survey leaves and answer weights. */
  async function frameOf(roundId: number): Promise<Frame> {
    const participants = await db.selectFrom('par_participants').select(['unit_id', 'set_id', 'block']).where('round_id', '=', roundId).execute();
    const setIds = [...new Set(participants.map((p) => p.set_id))];
    const sets = setIds.length ? await db.selectFrom('par_sets').select(['id', 'tree', 'answer_weights']).where('id', 'in', setIds).execute() : [];
    return { participants, sets: new Map(sets.map((s) => [s.id, { leaves: surveyLeaves(s.tree), weights: weightsOf(s.answer_weights) }])) };
  }

  /** A unit a form may be answered about: a participant of the round in one of the form's blocks. */
  function requireAssessed(frame: Frame, form: Pick<FormRow, 'blocks'>, unitId: number) {
    const p = frame.participants.find((x) => x.unit_id === unitId);
    if (!p || !form.blocks.includes(p.block)) {
      throw errors.validation([invalid('unitId', 'Đơn vị này không tham gia đợt đánh giá trong khối mà phiếu khảo sát đánh giá.', 'The unit is not scored in this round in a block the form assesses.')]);
    }
  }

  /** Every question's criterion must be a survey leaf of a set scoring one of the form's blocks, and have a weighted option. */
  function checkQuestions(frame: Frame, input: SurveyFormInput): void {
    const problems: FieldError[] = [];
    const setIds = [...new Set(frame.participants.filter((p) => input.blocks.includes(p.block as never)).map((p) => p.set_id))];
    if (!setIds.length) {
      throw errors.validation([invalid('blocks', 'Đợt đánh giá chưa có đơn vị nào thuộc khối đã chọn.', 'No unit of the chosen blocks takes part in the round.')]);
    }
    input.questions.forEach((q, i) => {
      const sets = setIds.map((id) => frame.sets.get(id)!).filter((s) => s.leaves.has(q.criterionCode));
      if (!sets.length) {
        problems.push(invalid(`questions.${i}.criterionCode`,
          `Câu ${q.id}: "${q.criterionCode}" không phải tiêu chí điều tra xã hội học của bộ tiêu chí nào dùng cho các khối đã chọn.`,
          `Question ${q.id}: "${q.criterionCode}" is not a survey criterion of any set scoring the chosen blocks.`));
      } else if (!q.options.some((o) => sets.some((s) => s.weights[o.key] !== undefined))) {
        problems.push(invalid(`questions.${i}.options`, `Câu ${q.id}: không có phương án nào được tính điểm theo trọng số của bộ tiêu chí.`, `Question ${q.id}: no option carries a weight of the set.`));
      }
    });
    if (problems.length) throw errors.validation(problems);
  }

  /** Every participant's result per survey criterion of its set (rules/survey.ts), with the slips counted per channel. */
  async function compute(roundId: number) {
    const frame = await frameOf(roundId);
    const forms = (await db.selectFrom('par_survey_forms').selectAll().where('round_id', '=', roundId).orderBy('code').execute()) as FormRow[];
    const responses = forms.length
      ? await db.selectFrom('par_survey_responses').select(['form_id', 'unit_id', 'channel', 'answers']).where('form_id', 'in', forms.map((f) => f.id)).execute()
      : [];
    const byUnit = new Map<number, typeof responses>();
    for (const r of responses) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
    // Question ids are unique within a form only: the aggregation sees "form:question".
    const key = (formId: number, questionId: string) => `${formId}:${questionId}`;
    return {
      forms,
      units: frame.participants.map((p) => {
        const set = frame.sets.get(p.set_id) ?? { leaves: new Map<string, string>(), weights: DEFAULT_ANSWER_WEIGHTS };
        const formIds = new Set(forms.filter((f) => f.blocks.includes(p.block)).map((f) => f.id));
        const mine = (byUnit.get(p.unit_id) ?? []).filter((r) => formIds.has(r.form_id));
        const answers: SurveyAnswer[] = mine.flatMap((r) => Object.entries(r.answers).map(([q, option]) => ({ unitId: p.unit_id, questionId: key(r.form_id, q), option })));
        const criteria = [...set.leaves].map(([code, text]) => {
          const questions = forms.filter((f) => formIds.has(f.id)).flatMap((f) => f.questions.filter((q) => q.criterionCode === code)
            .map((q) => ({ questionId: key(f.id, q.id), ...(q.weight !== undefined ? { weight: q.weight } : {}) })));
          return { text, result: surveyResult({ code, questions }, p.unit_id, answers, set.weights) };
        });
        return {
          unitId: p.unit_id, block: p.block, criteria,
          slips: { paper: mine.filter((r) => r.channel === 'paper').length, online: mine.filter((r) => r.channel === 'online').length },
        };
      }),
    };
  }

  /** The invitation a code names, with its form and round; 404 for any code that finds nothing, 409 once used or closed. */
  async function invitationOf(code: string) {
    const normal = normaliseCode(code);
    const row = normal
      ? await db.selectFrom('par_survey_invitations as i').innerJoin('par_survey_forms as f', 'f.id', 'i.form_id').innerJoin('par_rounds as r', 'r.id', 'f.round_id')
        .select(['i.id', 'i.unit_id', 'i.used_at', 'f.id as form_id', 'r.stage', 'r.year', 'r.name as round_name'])
        .where('i.code_hash', '=', deps.codeHash(normal)).executeTakeFirst()
      : undefined;
    if (!row) throw codeNotFound();
    if (row.used_at) throw codeUsed();
    requireOpen(row);
    return { invitation: row, form: (await findForm(row.form_id))! };
  }

  /** Writes a slip under the form's version: an edit of the form waits for it, or it waits for the edit and is refused. */
  async function insertSlip(trx: Tx, form: FormRow, row: { unit_id: number; channel: 'paper' | 'online'; invitation_id: number | null; entered_by_staff_id: number | null }, slip: ReturnType<typeof checkSlip>) {
    const current = await trx.selectFrom('par_survey_forms').select('version').where('id', '=', form.id).forShare().executeTakeFirst();
    if (current?.version !== form.version) throw formChanged();
    return trx.insertInto('par_survey_responses').values({
      form_id: form.id, ...row, respondent: JSON.stringify(slip.respondent), answers: JSON.stringify(slip.answers), created_at: deps.now(),
    }).returning('id').executeTakeFirstOrThrow();
  }

  const unitNames = async () => new Map((await deps.org.allUnits()).map((u) => [u.id, u.name]));

  return {
    /** Survey result 0–100 per unit and survey criterion code of a round (rules/survey.ts); null without a counted answer. */
    async percents(roundId: number): Promise<Map<number, Map<string, number | null>>> {
      const { units } = await compute(roundId);
      return new Map(units.map((u) => [u.unitId, new Map(u.criteria.map((c) => [c.result.code, c.result.percent]))]));
    },

    /** The round's forms with answers per unit and channel, and what the form editor offers (units, survey criteria per block). */
    async forms(ctx: RequestContext, roundId: number) {
      const round = await roundOr404(db, roundId);
      requireManager(ctx.actor, round.organiser_unit_id);
      const [frame, names] = [await frameOf(roundId), await unitNames()];
      const forms = (await db.selectFrom('par_survey_forms').selectAll().where('round_id', '=', roundId).orderBy('code').execute()) as FormRow[];
      const ids = forms.map((f) => f.id);
      const answered = ids.length ? await db.selectFrom('par_survey_responses').select(['form_id', 'unit_id', 'channel', (eb) => eb.fn.countAll<string>().as('n')])
        .where('form_id', 'in', ids).groupBy(['form_id', 'unit_id', 'channel']).execute() : [];
      const invited = ids.length ? await db.selectFrom('par_survey_invitations').select(['form_id', 'unit_id', (eb) => eb.fn.countAll<string>().as('issued'), (eb) => eb.fn.count<string>('used_at').as('used')])
        .where('form_id', 'in', ids).groupBy(['form_id', 'unit_id']).execute() : [];
      const criteria = new Map<string, { code: string; text: string; blocks: Set<string> }>();
      for (const p of frame.participants) {
        for (const [code, text] of frame.sets.get(p.set_id)?.leaves ?? []) {
          const c = criteria.get(code) ?? { code, text, blocks: new Set<string>() };
          c.blocks.add(p.block);
          criteria.set(code, c);
        }
      }
      return {
        round: { id: round.id, year: round.year, name: round.name, stage: round.stage, surveyHeld: round.survey_held, open: OPEN_STAGES.includes(round.stage) },
        units: frame.participants.map((p) => ({ id: p.unit_id, name: names.get(p.unit_id) ?? `#${p.unit_id}`, block: p.block }))
          .sort((a, b) => a.block.localeCompare(b.block) || a.name.localeCompare(b.name, 'vi')),
        criteria: [...criteria.values()].map((c) => ({ code: c.code, text: c.text, blocks: [...c.blocks].sort() })),
        forms: forms.map((f) => {
          const unitIds = new Set([...answered, ...invited].filter((r) => r.form_id === f.id).map((r) => r.unit_id));
          const count = (unitId: number, channel: string) => Number(answered.find((r) => r.form_id === f.id && r.unit_id === unitId && r.channel === channel)?.n ?? 0);
          const perUnit = [...unitIds].map((unitId) => {
            const inv = invited.find((r) => r.form_id === f.id && r.unit_id === unitId);
            return { unitId, unitName: names.get(unitId) ?? `#${unitId}`, paper: count(unitId, 'paper'), online: count(unitId, 'online'), invited: Number(inv?.issued ?? 0), used: Number(inv?.used ?? 0) };
          }).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
          return { ...formView(f), answers: perUnit.reduce((n, u) => n + u.paper + u.online, 0), perUnit };
        }),
      };
    },

    /** Creates a form of a round, or edits one (`version` as read) while nobody has answered it. */
    async saveForm(ctx: RequestContext, target: { roundId: number } | { formId: number }, input: SurveyFormInput & { version?: number }) {
      const existing = 'formId' in target ? await findForm(target.formId) : undefined;
      if ('formId' in target && !existing) throw formNotFound();
      const round = await roundOr404(db, existing?.round_id ?? (target as { roundId: number }).roundId);
      requireManager(ctx.actor, round.organiser_unit_id);
      requireOpen(round);
      checkQuestions(await frameOf(round.id), input);
      const values = { code: input.code, name: input.name, respondent_group: input.respondentGroup, blocks: input.blocks, questions: JSON.stringify(input.questions), updated_at: deps.now() };
      try {
        const id = await inTransaction(db, async (trx) => {
          if (!existing) {
            const row = await trx.insertInto('par_survey_forms').values({ ...values, round_id: round.id, created_by_staff_id: ctx.actor!.staffId, created_at: deps.now() }).returning('id').executeTakeFirstOrThrow();
            await recordAudit(trx, ctx, { action: 'par.survey_form_created', entity: 'par_survey_form', entityId: row.id, unitId: round.organiser_unit_id, after: { code: input.code, blocks: input.blocks, questions: input.questions.length } });
            return row.id;
          }
          // The row lock waits for slips being written (they hold it shared), so the count below sees them.
          const locked = await trx.selectFrom('par_survey_forms').select('version').where('id', '=', existing.id).forUpdate().executeTakeFirstOrThrow();
          if (input.version === undefined || locked.version !== input.version) throw errors.stale();
          const any = await trx.selectFrom('par_survey_responses').select('id').where('form_id', '=', existing.id).limit(1).executeTakeFirst();
          if (any) throw formAnswered();
          await trx.updateTable('par_survey_forms').set({ ...values, version: locked.version + 1 }).where('id', '=', existing.id).execute();
          await recordAudit(trx, ctx, {
            action: 'par.survey_form_edited', entity: 'par_survey_form', entityId: existing.id, unitId: round.organiser_unit_id,
            before: { code: existing.code, name: existing.name, blocks: existing.blocks, questions: existing.questions.length },
            after: { code: input.code, name: input.name, blocks: input.blocks, questions: input.questions.length },
          });
          return existing.id;
        });
        return formView((await findForm(id))!);
      } catch (err) {
        if (isUniqueViolation(err, 'par_survey_forms_code_key')) {
          throw errors.conflict('SURVEY_FORM_CODE_TAKEN', `Đợt đánh giá đã có phiếu khảo sát mã "${input.code}".`, `The round already has a form "${input.code}".`);
        }
        throw err;
      }
    },

    /** One-time codes to answer a form about a unit online; shown once, with their links, then only their hashes remain. */
    async invite(ctx: RequestContext, formId: number, input: { unitId: number; count: number }) {
      const { form, round } = await managedForm(ctx, formId);
      requireOpen(round);
      requireAssessed(await frameOf(round.id), form, input.unitId);
      const codes = new Set<string>();
      while (codes.size < input.count) codes.add(newCode());
      await inTransaction(db, async (trx) => {
        await trx.insertInto('par_survey_invitations').values([...codes].map((code) => ({
          form_id: form.id, unit_id: input.unitId, code_hash: deps.codeHash(code), created_by_staff_id: ctx.actor!.staffId, created_at: deps.now(),
        }))).execute();
        // The codes themselves are never written to the log.
        await recordAudit(trx, ctx, { action: 'par.survey_invitations_issued', entity: 'par_survey_form', entityId: form.id, unitId: round.organiser_unit_id, after: { unitId: input.unitId, count: input.count } });
      });
      const names = await unitNames();
      return {
        formId: form.id, formCode: form.code, formName: form.name, unitId: input.unitId, unitName: names.get(input.unitId) ?? `#${input.unitId}`,
        invitations: [...codes].map((code) => ({ code, link: `${deps.publicUrl}/khao-sat/${code}` })),
      };
    },

    /** A paper slip (phiếu giấy) typed in by the organiser's staff. */
    async enterPaper(ctx: RequestContext, formId: number, input: SlipInput & { unitId: number }) {
      const { form, round } = await managedForm(ctx, formId);
      requireOpen(round);
      requireAssessed(await frameOf(round.id), form, input.unitId);
      const slip = checkSlip(form.questions, input);
      const row = await inTransaction(db, async (trx) => {
        const r = await insertSlip(trx, form, { unit_id: input.unitId, channel: 'paper', invitation_id: null, entered_by_staff_id: ctx.actor!.staffId }, slip);
        await recordAudit(trx, ctx, { action: 'par.survey_paper_entered', entity: 'par_survey_form', entityId: form.id, unitId: round.organiser_unit_id, after: { unitId: input.unitId, responseId: r.id } });
        return r;
      });
      return { id: row.id, formId: form.id, unitId: input.unitId, channel: 'paper' as const };
    },

    /** Per unit and survey criterion: the percent, counted and skipped answers per question, slips by channel. */
    async results(ctx: RequestContext, roundId: number) {
      const round = await roundOr404(db, roundId);
      requireManager(ctx.actor, round.organiser_unit_id);
      const [{ forms, units }, names] = [await compute(roundId), await unitNames()];
      const questionOf = (key: string) => {
        const [formId, questionId] = [Number(key.slice(0, key.indexOf(':'))), key.slice(key.indexOf(':') + 1)];
        const f = forms.find((x) => x.id === formId);
        return { formId, formCode: f?.code ?? '', questionId, text: f?.questions.find((q) => q.id === questionId)?.text ?? '' };
      };
      const view = (r: SurveyResult) => r.questions.map((q) => ({ ...questionOf(q.questionId), counted: q.counted, skipped: q.skipped, percent: q.percent }));
      return {
        round: { id: round.id, year: round.year, name: round.name, stage: round.stage },
        units: units.map((u) => ({
          unitId: u.unitId, unitName: names.get(u.unitId) ?? `#${u.unitId}`, block: u.block, slips: { ...u.slips, total: u.slips.paper + u.slips.online },
          criteria: u.criteria.map((c) => ({ code: c.result.code, text: c.text, percent: c.result.percent, questions: view(c.result) })),
        })).sort((a, b) => a.block.localeCompare(b.block) || a.unitName.localeCompare(b.unitName, 'vi')),
      };
    },

    /** What a respondent sees by their code: the form, the unit assessed; nothing about who else answered. */
    async publicForm(code: string) {
      const { invitation, form } = await invitationOf(code);
      const names = await unitNames();
      return {
        round: { year: invitation.year, name: invitation.round_name },
        unitName: names.get(invitation.unit_id) ?? '',
        form: { code: form.code, name: form.name, respondentGroup: form.respondent_group, questions: form.questions.map((q) => ({ id: q.id, text: q.text, options: q.options })) },
      };
    },

    /** The online answer: the code is spent in the answer's own transaction, so a code answers once however many times it is sent. */
    async publicAnswer(ctx: RequestContext, code: string, input: SlipInput) {
      const { invitation, form } = await invitationOf(code);
      const slip = checkSlip(form.questions, input);
      try {
        await inTransaction(db, async (trx) => {
          const spent = await trx.updateTable('par_survey_invitations').set({ used_at: deps.now() }).where('id', '=', invitation.id).where('used_at', 'is', null).executeTakeFirst();
          if (Number(spent.numUpdatedRows) !== 1) throw codeUsed();
          await insertSlip(trx, form, { unit_id: invitation.unit_id, channel: 'online', invitation_id: invitation.id, entered_by_staff_id: null }, slip);
          const round = await trx.selectFrom('par_rounds').select('organiser_unit_id').where('id', '=', form.round_id).executeTakeFirstOrThrow();
          await recordAudit(trx, ctx, { action: 'par.survey_answered', entity: 'par_survey_form', entityId: form.id, unitId: round.organiser_unit_id, after: { unitId: invitation.unit_id }, note: 'Trả lời trực tuyến bằng mã mời một lần' });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'par_survey_responses_invitation_key')) throw codeUsed();
        throw err;
      }
      return { answered: true };
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
