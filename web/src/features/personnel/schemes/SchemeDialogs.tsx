import { App, Form, Input, Modal, Radio } from 'antd';
import { formatDate } from '../../../shared/format';
import { type Scheme, useAppraiseScheme, useApproveScheme } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { DateField, Problem, useSend } from '../ui';

interface Props { scheme: Scheme; onClose: () => void; reload: () => unknown }

/** The Department of Home Affairs appraises a submitted scheme: agree, or return it with the reason. */
export function AppraiseDialog({ scheme, onClose, reload }: Props) {
  const t = usePersonnelT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'agree' | 'return'; note: string }>();
  const appraise = useAppraiseScheme(scheme.id);
  const send = useSend(form, () => { onClose(); return reload(); });
  const outcome = Form.useWatch('outcome', form);
  const finish = async (v: { outcome: 'agree' | 'return'; note?: string }) => {
    if (await send.run(() => appraise.mutateAsync({ version: scheme.version, outcome: v.outcome, note: v.note?.trim() ?? '' }))) {
      void message.success(t('scheme.appraisedDone'));
      onClose();
    }
  };
  return (
    <Modal open title={t('appraise.title', { unit: scheme.unitName })} okText={t('appraise.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'agree', note: '' }} onFinish={(v) => void finish(v)}>
        <Form.Item name="outcome" label={t('appraise.outcome')}>
          <Radio.Group options={[{ value: 'agree', label: t('appraise.agree') }, { value: 'return', label: t('appraise.return') }]} />
        </Form.Item>
        <Form.Item name="note" label={t('appraise.note')}
          rules={outcome === 'return' ? [{ required: true, min: 3, whitespace: true, message: t('appraise.noteRequired') }] : undefined}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}

/** The approval decision (number, date, signer); the scheme is in force from its own effective date. */
export function ApproveDialog({ scheme, onClose, reload }: Props) {
  const t = usePersonnelT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decisionNo: string; decisionDate: string; signer: string }>();
  const approve = useApproveScheme(scheme.id);
  const send = useSend(form, () => { onClose(); return reload(); });
  const required = t('required');
  const finish = async (v: { decisionNo: string; decisionDate: string; signer: string }) => {
    if (await send.run(() => approve.mutateAsync({ version: scheme.version, decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate, signer: v.signer.trim() }))) {
      void message.success(t('scheme.approvedDone'));
      onClose();
    }
  };
  return (
    <Modal open title={t('approve.title', { unit: scheme.unitName })} okText={t('approve.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <p>{t('approve.hint', { date: formatDate(scheme.effectiveFrom) })}</p>
        <Form.Item name="decisionNo" label={t('approve.decisionNo')} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input maxLength={60} placeholder="125/QĐ-UBND" />
        </Form.Item>
        <DateField name="decisionDate" label={t('approve.decisionDate')} required={required} />
        <Form.Item name="signer" label={t('approve.signer')} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
