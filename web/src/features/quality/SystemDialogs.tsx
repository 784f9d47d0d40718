import { App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useApprovePolicy, useRecordDeclaration, useUpdateSystem } from './api';
import { useQualityT } from './i18n';
import { todayInVietnam } from './paths';
import { PersonPicker } from './pickers';
import { DateField, Problem, useQmsSubmit } from './qms-ui';
import type { Exclusion, Obligation, SystemDetail } from './types';

type Props = { system: SystemDetail; reload: () => unknown; onClose: () => void };

interface ScopeValues { obligation: Obligation; standard: string; scopeText: string; exclusions: Partial<Exclusion>[]; isoSecretaryStaffId?: number | null }

/** ISO 9001 §4.3: the scope, the requirements that do not apply with their reasons, and who keeps the system (the ISO secretary). */
export function ScopeDialog({ system, reload, onClose }: Props) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScopeValues>();
  const update = useUpdateSystem(system.id);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const required = { required: true, whitespace: true, message: t('form.required') };
  const send = (v: ScopeValues) => void run(async () => {
    await update.mutateAsync({
      version: system.version, obligation: v.obligation, standard: v.standard.trim(), scopeText: v.scopeText.trim(),
      exclusions: v.exclusions.map((e) => ({ clause: e.clause?.trim() ?? '', reason: e.reason?.trim() ?? '' })),
      // Appointing the secretary is the head's decision (the server refuses it from anyone else).
      ...(system.may.approve ? { isoSecretaryStaffId: v.isoSecretaryStaffId ?? null } : {}),
    });
    void message.success(t('scope.saved'));
    onClose();
  });
  return (
    <Modal open title={t('scope.dialogTitle')} okText={ts('action.save')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={720}>
      <Form<ScopeValues> form={form} layout="vertical" onFinish={send} initialValues={{
        obligation: system.obligation, standard: system.standard, scopeText: system.scopeText, exclusions: system.exclusions,
        isoSecretaryStaffId: system.isoSecretary?.staffId ?? null,
      }}>
        <div className="mc-qms-form-grid">
          <Form.Item name="obligation" label={t('field.obligation')}>
            <Radio.Group options={(['mandatory', 'encouraged'] as const).map((o) => ({ value: o, label: t(`obligation.${o}`) }))} />
          </Form.Item>
          <Form.Item name="standard" label={t('field.standard')} rules={[required, { min: 3, max: 60, message: t('form.standardLength') }]}>
            <Input maxLength={60} />
          </Form.Item>
        </div>
        <Form.Item name="scopeText" label={t('field.scope')} rules={[required]} extra={t('field.scopeHint')}>
          <Input.TextArea rows={6} maxLength={20000} />
        </Form.Item>
        <Typography.Text strong>{t('field.exclusions')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('field.exclusionsHint')}</Typography.Paragraph>
        <Form.List name="exclusions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="mc-qms-exclusion">
                  <Form.Item name={[f.name, 'clause']} label={t('field.exclusionClause', { n: i + 1 })} rules={[required]}>
                    <Input maxLength={30} placeholder={t('field.clausePlaceholder')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} label={t('field.exclusionReason', { n: i + 1 })} rules={[required]}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('scope.removeExclusion', { n: i + 1 })} onClick={() => remove(f.name)} />
                </div>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ clause: '', reason: '' })} style={{ marginBottom: 16 }}>{t('scope.addExclusion')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="isoSecretaryStaffId" label={t('field.secretary')} extra={system.may.approve ? t('field.secretaryHint') : t('field.secretaryByHead')}>
          <PersonPicker qmsId={system.id} known={system.isoSecretary} aria-label={t('field.secretary')} disabled={!system.may.approve} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/** The quality policy's text; saving a changed text clears its approval (the server does). */
export function PolicyDialog({ system, reload, onClose }: Props) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ policyText: string }>();
  const update = useUpdateSystem(system.id);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const send = (v: { policyText: string }) => void run(async () => {
    await update.mutateAsync({ version: system.version, policyText: v.policyText.trim() });
    void message.success(t('policy.saved'));
    onClose();
  });
  return (
    <Modal open title={t('policy.edit')} okText={ts('action.save')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={720}>
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ policyText: system.policyText }}>
        {system.policyApproved ? <Typography.Paragraph type="warning">{t('policy.reapproveNote')}</Typography.Paragraph> : null}
        <Form.Item name="policyText" label={t('field.policy')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea rows={8} maxLength={20000} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/** The head approves the policy as it reads now. */
export function ApprovePolicyDialog({ system, reload, onClose }: Props) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const approve = useApprovePolicy(system.id);
  const { problem, pending, run } = useQmsSubmit(null, reload, onClose);
  const send = () => void run(async () => {
    await approve.mutateAsync({ version: system.version });
    void message.success(t('policy.approved'));
    onClose();
  });
  return (
    <Modal open title={t('policy.approve')} okText={t('policy.approve')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={send} onCancel={onClose} destroyOnHidden width={640}>
      <Typography.Paragraph>{t('policy.approveConfirm')}</Typography.Paragraph>
      <Typography.Paragraph className="mc-qms-content">{system.policyText}</Typography.Paragraph>
      <Problem text={problem} />
    </Modal>
  );
}

interface DeclarationValues { decisionNo: string; decisionDate?: string; signerName: string }

/**
 * The announcement of conformity (Decision 19/2014 art. 4) as decided: its number, day and signer. The
 * server keeps the processes in scope that day, so a later change shows the announcement out of date.
 */
export function DeclarationDialog({ system, reload, onClose }: Props) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclarationValues>();
  const record = useRecordDeclaration(system.id);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const required = { required: true, whitespace: true, message: t('form.required') };
  const send = (v: DeclarationValues) => void run(async () => {
    await record.mutateAsync({ decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate!, signerName: v.signerName.trim() });
    void message.success(t('declaration.recorded'));
    onClose();
  });
  return (
    <Modal open title={t('declaration.record')} okText={t('declaration.recordOk')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('declaration.recordHint', { standard: system.standard })}</Typography.Paragraph>
      {system.declaration ? (
        <Typography.Paragraph type="secondary">
          {t('declaration.previous', { no: system.declaration.decisionNo, date: formatDate(system.declaration.decisionDate) })}
        </Typography.Paragraph>
      ) : null}
      <Form<DeclarationValues> form={form} layout="vertical" onFinish={send}>
        <Form.Item name="decisionNo" label={t('field.decisionNo')} rules={[required]} extra={t('field.decisionNoHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <DateField name="decisionDate" label={t('field.decisionDate')} required={t('form.pickDate')} notAfter={todayInVietnam()} />
        <Form.Item name="signerName" label={t('field.signer')} rules={[required, { min: 2, message: t('form.tooShort') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
