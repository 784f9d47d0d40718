import { Checkbox, Descriptions, Form, InputNumber, Select, Switch, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { groupDigits, ungroupDigits, vnd } from './format';
import { Muted } from './forms-ui';
import { useFormsT } from './i18n-forms';
import type { Plan, PlanChanges, ProcedureCost, TimeLimit, TimeLimitUnit } from './types';

const UNITS: readonly TimeLimitUnit[] = ['working_days', 'calendar_days', 'working_hours'];

/** What a change is made to: the version's documents, fees and time limit, and the changes made so far. */
export type ChangesSource = {
  documents: string[]; fees: { name: string; beforeVnd: number | null }[]; timeLimit: TimeLimit | null; changes: PlanChanges;
  /** The version's own online level when known (the cost page says it; a plan does not). */
  onlineMode?: string | null;
};
const NO_CHANGES: PlanChanges = { removeDocuments: [], reuseDocuments: [], fees: [] };
export const sourceOfPlan = (plan: Plan): ChangesSource => ({
  documents: plan.documents.map((d) => d.name), fees: plan.fees.map((f) => ({ name: f.name, beforeVnd: f.beforeVnd })),
  timeLimit: plan.timeLimit.before, changes: plan.changes,
});
/** A procedure's version as the cost page reads it (a plan being created). */
export const sourceOfCost = (cost: ProcedureCost): ChangesSource => ({
  documents: cost.documents.map((d) => d.name), fees: cost.fees.map((f) => ({ name: f.name, beforeVnd: f.amountVnd })),
  timeLimit: cost.timeLimit, changes: NO_CHANGES, onlineMode: cost.onlineMode,
});

/** The changes as the form holds them: a new fee per fee of the version, by position (null: unchanged). */
export type ChangesValues = {
  removeDocuments: string[]; reuseDocuments: string[]; fullOnline: boolean;
  timeLimitAmount: number | null; timeLimitUnit: TimeLimitUnit; fees: (number | null)[];
};

export function changesValuesOf(source: ChangesSource): ChangesValues {
  const c = source.changes;
  return {
    removeDocuments: c.removeDocuments, reuseDocuments: c.reuseDocuments, fullOnline: c.onlineMode === 'full',
    timeLimitAmount: c.timeLimit?.amount ?? null, timeLimitUnit: c.timeLimit?.unit ?? source.timeLimit?.unit ?? 'working_days',
    fees: source.fees.map((f) => c.fees.find((n) => n.name === f.name)?.amountVnd ?? null),
  };
}

/** The plan's changes from the form: a document removed is not also reused; an untouched fee is left out. */
export function changesOf(v: ChangesValues, source: ChangesSource): PlanChanges {
  const removed = v.removeDocuments ?? [];
  // "Toàn trình" is the only level the form offers; a partial level set elsewhere is kept while the switch is off.
  const onlineMode = v.fullOnline ? 'full' : source.changes.onlineMode === 'partial' ? 'partial' : undefined;
  return {
    removeDocuments: removed,
    reuseDocuments: (v.reuseDocuments ?? []).filter((n) => !removed.includes(n)),
    ...(onlineMode ? { onlineMode } : {}),
    ...(v.timeLimitAmount ? { timeLimit: { amount: v.timeLimitAmount, unit: v.timeLimitUnit } } : {}),
    fees: source.fees.flatMap((f, i) => {
      const amount = v.fees?.[i];
      return amount === null || amount === undefined ? [] : [{ name: f.name, amountVnd: amount }];
    }),
  };
}

/** Where the API's error about a change goes in the form (null: the banner). */
export function changesFieldOf(path: string[]): NamePath | null {
  if (path[0] !== 'changes') return null;
  if (path[1] === 'removeDocuments' || path[1] === 'reuseDocuments') return [path[1]];
  if (path[1] === 'timeLimit') return path[2] === 'unit' ? ['timeLimitUnit'] : ['timeLimitAmount'];
  if (path[1] === 'onlineMode') return ['fullOnline'];
  return null;
}

export function useTimeLimitText() {
  const t = useFormsT();
  return (limit: TimeLimit | null | undefined) => (limit ? t(`timeUnit.${limit.unit}`, { n: limit.amount }) : t('plan.noTimeLimit'));
}

/**
 * "Nội dung đơn giản hóa", inside a Form (the plan's page, or the dialog creating one): documents no longer
 * required, documents the state already holds (reused from its databases: not prepared, copied or
 * certified), full-online filing, a shorter time limit and new fees. Read-only: `ChangesRead`.
 */
export function PlanChangesForm({ source }: { source: ChangesSource }) {
  const t = useFormsT();
  const limitText = useTimeLimitText();
  const removed: string[] = Form.useWatch('removeDocuments') ?? source.changes.removeDocuments;
  const docs = source.documents;
  return (
    <>
      {docs.length ? (
        <>
          <Form.Item name="removeDocuments" label={t('changes.remove')} extra={t('changes.removeHint')}>
            <Checkbox.Group className="mc-prf-checks" options={docs.map((n) => ({ value: n, label: n }))} />
          </Form.Item>
          <Form.Item name="reuseDocuments" label={t('changes.reuse')} extra={t('changes.reuseHint')}>
            <Checkbox.Group className="mc-prf-checks" options={docs.map((n) => ({ value: n, label: n, disabled: removed.includes(n) }))} />
          </Form.Item>
        </>
      ) : <Typography.Paragraph><Muted>{t('changes.noDocuments')}</Muted></Typography.Paragraph>}
      {source.onlineMode === 'full' ? (
        <Typography.Paragraph><Muted>{t('changes.alreadyOnline')}</Muted></Typography.Paragraph>
      ) : (
        <Form.Item name="fullOnline" label={t('changes.online')} valuePropName="checked" extra={t('changes.onlineHint')}>
          <Switch aria-label={t('changes.online')} />
        </Form.Item>
      )}
      <div className="mc-prf-grid">
        <Form.Item name="timeLimitAmount" label={t('changes.timeLimit')} extra={t('changes.current', { value: limitText(source.timeLimit) })}>
          <InputNumber<number> min={1} max={3650} precision={0} style={{ width: 160 }} placeholder={t('changes.unchanged')} />
        </Form.Item>
        <Form.Item name="timeLimitUnit" label={t('changes.timeLimitUnit')}>
          <Select aria-label={t('changes.timeLimitUnit')} style={{ width: 200 }} options={UNITS.map((u) => ({ value: u, label: t(`timeUnitName.${u}`) }))} />
        </Form.Item>
      </div>
      {source.fees.length ? (
        <fieldset className="mc-prf-fieldset">
          <legend>{t('changes.fees')}</legend>
          <div className="mc-prf-grid">
            {source.fees.map((f, i) => (
              <Form.Item key={f.name} name={['fees', i]} label={t('changes.feeN', { name: f.name })}
                extra={t('changes.current', { value: f.beforeVnd === null ? t('changes.feeUnset') : vnd(f.beforeVnd) })}>
                <InputNumber<number> min={0} max={1_000_000_000_000} precision={0} step={1000} style={{ width: '100%' }} placeholder={t('changes.unchanged')}
                  formatter={(v) => groupDigits(v)} parser={(text) => (text ? ungroupDigits(text) : (null as unknown as number))} suffix="đ" />
              </Form.Item>
            ))}
          </div>
          <Typography.Text type="secondary" className="mc-prf-small">{t('changes.feesHint')}</Typography.Text>
        </fieldset>
      ) : null}
    </>
  );
}

/** What a plan changes, in words (a plan no longer a draft, or a reader who may not edit it). */
export function ChangesRead({ plan }: { plan: Plan }) {
  const t = useFormsT();
  const limitText = useTimeLimitText();
  const c = plan.changes;
  const list = (names: string[]) => (names.length ? <ul className="mc-prf-list">{names.map((n) => <li key={n}>{n}</li>)}</ul> : <Muted>{t('changes.none')}</Muted>);
  const fees = plan.fees.filter((f) => c.fees.some((n) => n.name === f.name));
  return (
    <Descriptions size="small" column={1} bordered data-testid="plan-changes" items={[
      { key: 'remove', label: t('changes.remove'), children: list(c.removeDocuments) },
      { key: 'reuse', label: t('changes.reuse'), children: list(c.reuseDocuments) },
      { key: 'online', label: t('changes.online'), children: c.onlineMode === 'full' ? t('changes.onlineYes') : c.onlineMode === 'partial' ? t('changes.onlinePartial') : <Muted>{t('changes.none')}</Muted> },
      { key: 'time', label: t('changes.timeLimit'), children: c.timeLimit ? `${limitText(plan.timeLimit.before)} → ${limitText(c.timeLimit)}` : <Muted>{t('changes.none')}</Muted> },
      {
        key: 'fees', label: t('changes.fees'),
        children: fees.length ? (
          <ul className="mc-prf-list">
            {fees.map((f) => <li key={f.name}>{f.name}: {f.beforeVnd === null ? t('changes.feeUnset') : vnd(f.beforeVnd)} → {f.afterVnd === null ? '—' : vnd(f.afterVnd)}</li>)}
          </ul>
        ) : <Muted>{t('changes.none')}</Muted>,
      },
    ]} />
  );
}
