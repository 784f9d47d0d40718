/**
 * The draft editor's form values and the procedure content they stand for. The form keeps the
 * content's shape (so the API's field paths such as "documents.2.copies" land on the right input),
 * except where a widget needs another shape: requirements as lines of text, an internal step's
 * "where" as a kind + value pair, and step numbers, which are the row order.
 */
import type { InternalProcess, ProcedureContent } from '../../../../../src/modules/catalog/schema';

export type WhereKind = 'unitCode' | 'function' | 'externalAgency';
export type FormStep = Omit<InternalProcess['steps'][number], 'responsible' | 'order'> & {
  where: { kind: WhereKind; value: string };
  role: InternalProcess['steps'][number]['responsible']['role'];
};
export type FormValues = Omit<ProcedureContent, 'requirements' | 'internalProcesses' | 'cases'> & {
  requirements: string;
  internalProcesses: { channels?: InternalProcess['channels']; steps: FormStep[] }[];
};

export function toForm(c: ProcedureContent): FormValues {
  const { cases: _cases, ...rest } = c;
  return {
    ...rest,
    requirements: c.requirements.join('\n'),
    internalProcesses: c.internalProcesses.map((p) => ({
      ...(p.channels ? { channels: p.channels } : {}),
      steps: p.steps.map(({ responsible: r, order: _order, ...s }) => ({
        ...s,
        role: r.role,
        where: r.unitCode ? { kind: 'unitCode', value: r.unitCode }
          : r.function ? { kind: 'function', value: r.function }
          : { kind: 'externalAgency', value: r.externalAgency?.name ?? '' },
      })),
    })),
  };
}

/** Empty inputs are absent fields, as the schema expects ("" is not a valid file name or date). */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, clean(v)])) as T;
  }
  return typeof value === 'string' ? (value.trim() as T) : value;
}

export function fromForm(v: FormValues, base: Pick<ProcedureContent, 'cases'>): ProcedureContent {
  const withOrder = <T extends object>(list: T[] | undefined) => (list ?? []).map((item, i) => ({ ...item, order: i + 1 }));
  const content = {
    ...v,
    steps: withOrder(v.steps),
    requirements: (v.requirements ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
    cases: base.cases,
    internalProcesses: (v.internalProcesses ?? []).map((p) => ({
      ...(p.channels?.length ? { channels: p.channels } : {}),
      steps: (p.steps ?? []).map(({ where, role, ...s }, i) => ({
        ...s,
        order: i + 1,
        responsible: where?.kind === 'externalAgency' ? { externalAgency: { name: where.value }, role } : { [where?.kind ?? 'function']: where?.value, role },
        interAgency: where?.kind === 'externalAgency' ? true : !!s.interAgency,
      })),
    })),
  };
  return clean(content) as unknown as ProcedureContent;
}

/** A starting point for a new procedure: one step, the desk channel, an empty internal process. */
export function blankContent(): ProcedureContent {
  return {
    code: '', name: '', field: { code: '', name: '' }, levels: ['commune'], implementingAgency: { name: '' }, coordinatingAgencies: [],
    applicants: ['citizen'], channels: [{ kind: 'desk', time: { amount: 1, unit: 'working_days' } }], onlineMode: 'none', boundaryIndependent: false,
    steps: [{ order: 1, title: '', where: '', who: '', what: '' }], documents: [], cases: [], fees: [], requirements: [], results: [{ name: '' }],
    legalBasis: [], keywords: [],
    internalProcesses: [{ steps: [{ order: 1, name: '', action: '', responsible: { function: 'one_stop', role: 'desk_officer' }, budget: { amount: 8, unit: 'working_hours' }, interAgency: false }] }],
  };
}
