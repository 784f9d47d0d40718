import { Button, Flex, Form, Input, Radio, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useActionDone, usePlanNonconformity, useVerifyNonconformity } from './api-audits';
import { AuditModal } from './AuditDialogs';
import { PeopleSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { DateField } from './qms-ui';
import type { NcAction, NcDetail } from './types-audit';

type Props = { nc: NcDetail; onClose: () => void; reload: () => unknown };
type PlanRow = { text?: string; ownerStaffId?: number | null; dueOn?: string };
type PlanValues = { correction?: string; rootCause: string; actions: PlanRow[] };

/**
 * "Lập kế hoạch khắc phục": the correction made at once, the root cause and the actions, each with who
 * carries it out and by when (TCVN ISO 9001:2015 §10.2.1). A revised plan (after "not effective") starts
 * from the actions still open, or from one empty row; those done stay as they are.
 */
export function PlanDialog({ nc, onClose, reload }: Props) {
  const t = useQualityT();
  const [form] = Form.useForm<PlanValues>();
  const plan = usePlanNonconformity(nc.id);
  // The server keeps the actions already done and replaces the open ones with those sent.
  const rows: PlanRow[] = nc.actions.filter((a) => !a.doneOn).map((a) => ({ text: a.text, ownerStaffId: a.ownerStaffId, dueOn: a.dueOn }));
  const kept = nc.actions.length - rows.length;
  const text = [{ required: true, whitespace: true, min: 3, message: t('a.min3') }];
  return (
    <AuditModal<PlanValues> title={nc.actions.length ? t('ncp.replan') : t('ncp.plan')} okText={t('a.save')} form={form} onClose={onClose} reload={reload} width={760}
      initialValues={{ correction: nc.correction ?? '', rootCause: nc.rootCause ?? '', actions: rows.length ? rows : [{ text: '' }] }}
      send={(v) => plan.mutateAsync({
        version: nc.version, rootCause: v.rootCause.trim(), ...(v.correction?.trim() ? { correction: v.correction.trim() } : {}),
        actions: v.actions.map((a) => ({ text: (a.text ?? '').trim(), dueOn: a.dueOn!, ...(a.ownerStaffId ? { ownerStaffId: a.ownerStaffId } : {}) })),
      })}>
      <Typography.Paragraph type="secondary">{t('ncp.planHint')}{kept ? ` ${t('ncp.keptDone', { n: kept })}` : ''}</Typography.Paragraph>
      <Form.Item name="correction" label={t('ncp.correctionLabel')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
      <Form.Item name="rootCause" label={t('ncp.rootCause')} rules={text}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      <Form.List name="actions" rules={[{ validator: async (_, list?: PlanRow[]) => { if (!list?.length) throw new Error(t('ncp.atLeastOne')); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={4}>
            {fields.map((field, i) => (
              <div key={field.key} className="mc-qms-question">
                <Form.Item name={[field.name, 'text']} label={t('ncp.actionText', { n: i + 1 })} rules={text} style={{ marginBottom: 8 }}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Flex gap={8} wrap align="flex-end">
                  <Form.Item name={[field.name, 'ownerStaffId']} label={t('ncp.actionOwner', { n: i + 1 })} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                    <PeopleSelect qmsId={nc.qmsId} noneLabel={t('ncp.noOwner')} aria-label={t('ncp.actionOwner', { n: i + 1 })} />
                  </Form.Item>
                  <div style={{ flex: '0 1 200px' }}>
                    <DateField name={[field.name, 'dueOn']} label={t('ncp.actionDue', { n: i + 1 })} required={t('a.required')} />
                  </div>
                  {fields.length > 1 ? (
                    <Button icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('ncp.removeAction', { n: i + 1 })} style={{ marginBottom: 24 }} />
                  ) : null}
                </Flex>
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: '' })}>{t('ncp.addAction')}</Button>
          </Flex>
        )}
      </Form.List>
    </AuditModal>
  );
}

/** "Đã thực hiện" for one action, with what was done. */
export function DoneDialog({ nc, action, onClose, reload }: Props & { action: NcAction }) {
  const t = useQualityT();
  const [form] = Form.useForm<{ note?: string }>();
  const done = useActionDone(nc.id);
  return (
    <AuditModal<{ note?: string }> title={t('ncp.markDoneOf', { n: action.seq })} okText={t('ncp.markDone')} form={form} onClose={onClose} reload={reload}
      send={(v) => done.mutateAsync({ seq: action.seq, version: nc.version, ...(v.note?.trim() ? { note: v.note.trim() } : {}) })}>
      <Typography.Paragraph className="mc-qms-text">{action.text}</Typography.Paragraph>
      <Form.Item name="note" label={t('ncp.doneNote')} extra={t('ncp.doneHint')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
    </AuditModal>
  );
}

type VerifyValues = { result: 'effective' | 'not_effective'; note: string };

/** "Xác nhận hiệu lực": effective or not (only the outcomes the server allows the caller), with a note. */
export function VerifyDialog({ nc, onClose, reload }: Props) {
  const t = useQualityT();
  const [form] = Form.useForm<VerifyValues>();
  const verify = useVerifyNonconformity(nc.id);
  const outcomes = [
    ...(nc.allowedSteps.includes('verify_effective') ? [{ value: 'effective', label: t('ncp.effective') }] : []),
    ...(nc.allowedSteps.includes('verify_not_effective') ? [{ value: 'not_effective', label: t('ncp.notEffective') }] : []),
  ];
  return (
    <AuditModal<VerifyValues> title={t('ncp.verify')} okText={t('ncp.verify')} form={form} onClose={onClose} reload={reload}
      initialValues={outcomes.length === 1 ? { result: outcomes[0]!.value as VerifyValues['result'] } : undefined}
      send={(v) => verify.mutateAsync({ version: nc.version, result: v.result, note: v.note.trim() })}>
      <Form.Item name="result" label={t('ncp.verifyResult')} extra={t('ncp.verifyHint')} rules={[{ required: true, message: t('a.required') }]}>
        <Radio.Group aria-label={t('ncp.verifyResult')} options={outcomes} />
      </Form.Item>
      <Form.Item name="note" label={t('ncp.verifyNote')} rules={[{ required: true, whitespace: true, min: 3, message: t('a.min3') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </AuditModal>
  );
}
