import { Form, Input, Select, Typography } from 'antd';
import { DEFERRAL_REASONS, type DeferralReason, type Form as DisciplineForm, SHORTCUTS, type Shortcut, type StepName } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { todayInVietnam } from '../paths';
import { DateField } from '../ui';
import { ActionModal, type DialogProps } from './dialog';

/** Records the next step of the procedure on the day it was done. */
export function RecordStepDialog({ step, ...props }: DialogProps & { step: StepName }) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const [form] = Form.useForm<{ on: string }>();
  return (
    <ActionModal {...props} form={form} title={t('act.record_step', { step: t(`step.${step}`) })} initialValues={{ on: todayInVietnam() }}
      toBody={(v) => ({ action: 'record_step', step, on: v.on })}>
      <DateField name="on" label={t('dlg.on')} required={ti('required')} />
    </ActionModal>
  );
}

/** Defers the case (art. 3): its clocks stop until the deferral ends. */
export function DeferDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const [form] = Form.useForm<{ from: string; to?: string; reason: DeferralReason; note?: string }>();
  return (
    <ActionModal {...props} form={form} title={t('act.defer')} initialValues={{ from: todayInVietnam(), reason: 'illness' }}
      toBody={(v) => ({ action: 'defer', from: v.from, to: v.to || undefined, reason: v.reason, note: v.note?.trim() ?? '' })}>
      <div className="mc-insp-form-grid">
        <DateField name="from" label={t('dlg.from')} required={ti('required')} />
        <DateField name="to" label={t('dlg.to')} />
      </div>
      <Form.Item name="reason" label={t('dlg.reason')} rules={[{ required: true, message: ti('required') }]}>
        <Select aria-label={t('dlg.reason')} options={DEFERRAL_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('dlg.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
    </ActionModal>
  );
}

export function ResumeDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const [form] = Form.useForm<{ lastDeferredDay: string }>();
  return (
    <ActionModal {...props} form={form} title={t('act.resume')} initialValues={{ lastDeferredDay: todayInVietnam() }}
      toBody={(v) => ({ action: 'resume', lastDeferredDay: v.lastDeferredDay })}>
      <DateField name="lastDeferredDay" label={t('dlg.lastDeferredDay')} required={ti('required')} />
    </ActionModal>
  );
}

type DecideValues = { form: DisciplineForm; decisionNo: string; decisionDate: string; effectiveOn: string; partyDecisionEffectiveOn?: string; shortcut: Shortcut | '' };

/**
 * The decision: the form the council recommended by default, among the forms open to the person; without a
 * recommendation, the short-cut it rests on (a competent conclusion, a conviction, Party discipline).
 */
export function DecideDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const d = props.detail;
  const [form] = Form.useForm<DecideValues>();
  const today = todayInVietnam();
  const required = ti('required');
  const recommended = !!(d.steps.recommendation && d.recommendedForm);
  const minimum = d.priorDecision?.minimumForm;
  return (
    <ActionModal {...props} form={form} title={t('act.decide')} width={620}
      initialValues={{ form: d.recommendedForm ?? minimum ?? d.formsAllowed[0], decisionDate: today, effectiveOn: today, shortcut: recommended ? '' : 'conclusion' }}
      toBody={(v) => ({
        action: 'decide', form: v.form, decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate, effectiveOn: v.effectiveOn,
        partyDecisionEffectiveOn: v.partyDecisionEffectiveOn || undefined, shortcut: v.shortcut || undefined,
      })}>
      <Typography.Paragraph type="secondary">{t('dlg.decideHint')}</Typography.Paragraph>
      <Form.Item name="shortcut" label={t('dlg.shortcut')}>
        <Select aria-label={t('dlg.shortcut')} options={[
          ...(recommended ? [{ value: '', label: t('shortcut.none') }] : []),
          ...SHORTCUTS.map((s) => ({ value: s, label: t(`shortcut.${s}`) })),
        ]} />
      </Form.Item>
      <Form.Item name="form" label={t('dlg.form')} rules={[{ required: true, message: required }]}>
        <Select aria-label={t('dlg.form')} options={d.formsAllowed.map((f) => ({ value: f, label: t(`form.${f}`) }))} />
      </Form.Item>
      <div className="mc-insp-form-grid">
        <Form.Item name="decisionNo" label={t('dlg.decisionNo')} rules={[{ required: true, whitespace: true, message: required }]}><Input maxLength={60} /></Form.Item>
        <DateField name="decisionDate" label={t('dlg.decisionDate')} required={required} />
        <DateField name="effectiveOn" label={t('dlg.effectiveOn')} required={required} />
        <DateField name="partyDecisionEffectiveOn" label={t('dlg.partyEffective')} />
      </div>
    </ActionModal>
  );
}

export function CloseDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionModal {...props} form={form} title={t('act.close')} initialValues={{}} danger toBody={(v) => ({ action: 'close', reason: v.reason.trim() })}>
      <Form.Item name="reason" label={t('dlg.closeReason')} rules={[{ required: true, whitespace: true, min: 3, message: ti('required') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </ActionModal>
  );
}
