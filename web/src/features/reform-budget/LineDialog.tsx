import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { ACTIVITY_KINDS } from '../../../../src/modules/reform-budget/rules/budget';
import { useT } from '../../shared/i18n';
import { useCreateLine, useUpdateLine } from './api';
import { groupDigits, money, ungroupDigits } from './format';
import { useBudgetT } from './i18n';
import type { ActivityKind, BudgetLine, FundingSource, LineFieldsBody } from './types';
import { useSubmit } from './useSubmit';

interface Values {
  activityKind?: ActivityKind; title?: string; fundingSource?: FundingSource;
  plannedVnd?: number | null; allocatedVnd?: number | null; spentVnd?: number | null;
  overspend?: boolean; overspendReason?: string; allocationDecisionNo?: string; note?: string; reason?: string;
}

type Props = { onClose: () => void } & ({ mode: 'add'; unitId: number; year: number } | { mode: 'edit'; line: BudgetLine });

const AMOUNTS = ['plannedVnd', 'allocatedVnd', 'spentVnd'] as const;

/** "Thêm / sửa dòng kinh phí": amounts in whole đồng; spending past the allocation needs the overspend ticked with its reason. */
export function LineDialog(props: Props) {
  const t = useBudgetT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { problem, pending, run } = useSubmit(form, props.onClose);
  const create = useCreateLine();
  const update = useUpdateLine(props.mode === 'edit' ? props.line.id : 0);
  const allocated = Form.useWatch('allocatedVnd', form) ?? 0;
  const spent = Form.useWatch('spentVnd', form) ?? 0;
  const overspend = Form.useWatch('overspend', form) ?? false;
  const over = spent > allocated;
  const line = props.mode === 'edit' ? props.line : null;
  const initial: Values = line
    ? { activityKind: line.activityKind, title: line.title, fundingSource: line.fundingSource, plannedVnd: line.plannedVnd, allocatedVnd: line.allocatedVnd, spentVnd: line.spentVnd,
      overspend: line.overspent, overspendReason: line.overspendReason ?? '', allocationDecisionNo: line.allocationDecisionNo ?? '', note: line.note ?? '' }
    : { activityKind: 'training', fundingSource: 'state_budget', plannedVnd: null, allocatedVnd: 0, spentVnd: 0, overspend: false };

  const send = (v: Values) => void run(async () => {
    const fields: LineFieldsBody = {
      activityKind: v.activityKind!, title: v.title?.trim() ?? '', fundingSource: v.fundingSource ?? 'state_budget',
      plannedVnd: v.plannedVnd ?? 0, allocatedVnd: v.allocatedVnd ?? 0, spentVnd: v.spentVnd ?? 0,
      overspend: over && !!v.overspend, overspendReason: over ? v.overspendReason?.trim() || null : null,
      allocationDecisionNo: v.allocationDecisionNo?.trim() || null, note: v.note?.trim() || null,
    };
    if (props.mode === 'add') {
      await create.mutateAsync({ ...fields, unitId: props.unitId, year: props.year });
      void message.success(t('created'));
    } else {
      await update.mutateAsync({ ...fields, version: props.mode === 'edit' ? props.line.version : 0, reason: v.reason?.trim() || undefined });
      void message.success(t('saved'));
    }
    props.onClose();
  });

  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Modal open title={t(props.mode === 'add' ? 'dialog.add' : 'dialog.edit')} okText={t('dialog.save')} cancelText={ts('action.cancel')}
      okButtonProps={{ loading: pending }} onOk={() => form.submit()} onCancel={props.onClose} destroyOnHidden width={720}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={send}>
        <Form.Item name="activityKind" label={t('field.activityKind')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activity.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('field.title')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="fundingSource" label={t('field.funding')}>
          <Radio.Group options={(['state_budget', 'other'] as const).map((f) => ({ value: f, label: t(`funding.${f}`) }))} />
        </Form.Item>
        <div className="mc-budget-amounts">
          {AMOUNTS.map((name) => (
            <Form.Item key={name} name={name} label={t(`field.${name}`)} rules={name === 'plannedVnd' ? [{ required: true, message: t('form.required') }] : undefined}>
              <InputNumber<number> min={0} max={Number.MAX_SAFE_INTEGER} precision={0} step={1_000_000} style={{ width: '100%' }}
                formatter={(v) => groupDigits(v)} parser={(text) => ungroupDigits(text)} suffix="đ" />
            </Form.Item>
          ))}
        </div>
        {over ? (
          <>
            <Alert type={overspend ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }} title={t('hint.overspent', { amount: money(spent - allocated) })} />
            <Form.Item name="overspend" valuePropName="checked"><Checkbox>{t('field.overspend')}</Checkbox></Form.Item>
            {overspend ? <Form.Item name="overspendReason" label={t('field.overspendReason')} rules={required}><Input.TextArea rows={2} maxLength={2000} /></Form.Item> : null}
          </>
        ) : null}
        <div className="mc-budget-pair">
          <Form.Item name="allocationDecisionNo" label={t('field.allocationDecisionNo')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="note" label={t('field.note')}><Input maxLength={2000} /></Form.Item>
        </div>
        {props.mode === 'edit' ? (
          <Form.Item name="reason" label={t('field.reason')} extra={t('field.reasonHint')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        ) : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
