import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useCreateObjective, useUpdateObjective } from './api';
import { useQualityT } from './i18n';
import { UnitPicker } from './pickers';
import { Problem, useQmsSubmit } from './qms-ui';
import { MEASURES, type Direction, type Objective, type ObjectiveMeasure, type YearBasis } from './types';

interface Values {
  code: string;
  text: string;
  measure: ObjectiveMeasure;
  direction: Direction;
  targetPercent?: number;
  yearBasis: YearBasis;
  manualNumerator?: number | null;
  manualDenominator?: number | null;
  ownerUnitId?: number | null;
  active: boolean;
}

/** The next free "MT01"-style code of the year, a suggestion the user may change. */
export function nextCode(existing: readonly { code: string }[]): string {
  const used = new Set(existing.map((o) => o.code));
  for (let n = existing.length + 1; ; n++) {
    const code = `MT${String(n).padStart(2, '0')}`;
    if (!used.has(code)) return code;
  }
}

/**
 * Adding an objective of a year, or changing one. Its code, measure and year basis are fixed once
 * created (its readings would otherwise change meaning); a manual measure takes its two counts here.
 */
export function ObjectiveDialog({ qmsId, year, objective, suggestedCode, reload, onClose }: {
  qmsId: number; year: number; objective?: Objective; suggestedCode: string; reload: () => unknown; onClose: () => void;
}) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateObjective(qmsId);
  const update = useUpdateObjective(qmsId);
  const { problem, pending, run, setProblem } = useQmsSubmit(form, reload, onClose);
  const measure = Form.useWatch('measure', form) ?? objective?.measure;
  const editing = !!objective;
  const required = { required: true, whitespace: true, message: t('form.required') };
  const send = (v: Values) => void run(async () => {
    const manual = v.measure === 'manual' || objective?.measure === 'manual';
    if (objective) {
      await update.mutateAsync({
        id: objective.id, version: objective.version, text: v.text.trim(), direction: v.direction, targetPercent: v.targetPercent!,
        ownerUnitId: v.ownerUnitId ?? null, active: v.active,
        ...(manual ? { manualNumerator: v.manualNumerator ?? null, manualDenominator: v.manualDenominator ?? null } : {}),
      });
      void message.success(t('objectives.saved'));
    } else {
      await create.mutateAsync({
        year, code: v.code.trim(), text: v.text.trim(), measure: v.measure, direction: v.direction, targetPercent: v.targetPercent!, yearBasis: v.yearBasis,
        ownerUnitId: v.ownerUnitId ?? undefined,
        ...(manual ? { manualNumerator: v.manualNumerator ?? undefined, manualDenominator: v.manualDenominator ?? undefined } : {}),
      });
      void message.success(t('objectives.created'));
    }
    onClose();
  });
  const title = editing ? t('objectives.editTitle', { code: objective.code }) : t('objectives.addTitle', { year });
  return (
    <Modal open title={title} okText={editing ? ts('action.save') : t('objectives.add')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={680}>
      <Form<Values> form={form} layout="vertical" onFinish={send} onValuesChange={() => setProblem(null)} initialValues={objective ? {
        code: objective.code, text: objective.text, measure: objective.measure, direction: objective.direction, targetPercent: Number(objective.targetPercent),
        yearBasis: objective.yearBasis, manualNumerator: objective.manualNumerator, manualDenominator: objective.manualDenominator,
        ownerUnitId: objective.ownerUnitId, active: objective.active,
      } : { code: suggestedCode, measure: 'dossiers.on_time_rate', direction: 'at_least', yearBasis: 'statutory', active: true }}>
        <div className="mc-qms-form-grid">
          <Form.Item name="code" label={t('field.objectiveCode')} rules={[required, { max: 20, message: t('form.max', { n: 20 }) }]}>
            <Input maxLength={20} disabled={editing} />
          </Form.Item>
          <Form.Item name="measure" label={t('field.measure')} rules={[{ required: true, message: t('form.required') }]}>
            <Select disabled={editing} options={MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))} popupMatchSelectWidth={false} />
          </Form.Item>
        </div>
        <Form.Item name="text" label={t('field.objectiveText')} rules={[required, { min: 3, message: t('form.tooShort') }]} extra={t('field.objectiveTextHint')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <div className="mc-qms-form-grid">
          <Form.Item name="direction" label={t('field.direction')}>
            <Radio.Group options={(['at_least', 'at_most'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
          </Form.Item>
          <Form.Item name="targetPercent" label={t('field.target')} rules={[
            { required: true, message: t('form.targetRequired') },
            { validator: (_, v?: number) => (v === undefined || v === null || /^\d+(\.\d{1,2})?$/.test(String(v)) ? Promise.resolve() : Promise.reject(new Error(t('form.targetDecimals')))) },
          ]}>
            <InputNumber min={0} max={100} step={0.5} decimalSeparator="," style={{ width: 140 }} suffix="%" />
          </Form.Item>
        </div>
        <Form.Item name="yearBasis" label={t('field.yearBasis')}>
          <Radio.Group disabled={editing} options={(['statutory', 'calendar'] as const).map((b) => ({ value: b, label: t(`yearBasis.${b}`, { year, prev: year - 1 }) }))} />
        </Form.Item>
        {measure === 'manual' ? (
          <>
            <Typography.Paragraph type="secondary">{t('field.manualHint')}</Typography.Paragraph>
            <div className="mc-qms-form-grid">
              <Form.Item name="manualNumerator" label={t('field.numerator')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="manualDenominator" label={t('field.denominator')} dependencies={['manualNumerator']} rules={[({ getFieldValue }) => ({
                validator: (_, v?: number | null) => {
                  const n = getFieldValue('manualNumerator') as number | null | undefined;
                  return v === undefined || v === null || n === undefined || n === null || n <= v ? Promise.resolve() : Promise.reject(new Error(t('form.numeratorAbove')));
                },
              })]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </div>
          </>
        ) : null}
        <Form.Item name="ownerUnitId" label={t('field.ownerUnit')}>
          <UnitPicker qmsId={qmsId} aria-label={t('field.ownerUnit')} />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={t('field.active')} valuePropName="checked" extra={t('field.activeHint')}>
            <Switch />
          </Form.Item>
        ) : null}
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
