import { App, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useCreateProcess, useUpdateProcess } from './api';
import { useQualityT } from './i18n';
import { ProcedurePicker, UnitPicker, useProcedureCases } from './pickers';
import { Problem, useQmsSubmit } from './qms-ui';
import { PROCESS_KINDS, type Process, type ProcessKind } from './types';

interface AddValues { kind: ProcessKind; catalogProcedureCode?: string | null; caseCode?: string | null; code: string; name: string; ownerUnitId?: number | null }

/**
 * A process of the QMS. One that handles an administrative procedure names its catalogue entry (and
 * case, when the case has its own internal process): its document then follows the catalogue's steps.
 */
export function AddProcessDialog({ qmsId, reload, onClose }: { qmsId: number; reload: () => unknown; onClose: () => void }) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateProcess(qmsId);
  const { problem, pending, run, setProblem } = useQmsSubmit(form, reload, onClose);
  const kind = Form.useWatch('kind', form) ?? 'tthc';
  const procedure = Form.useWatch('catalogProcedureCode', form);
  const cases = useProcedureCases(kind === 'tthc' ? procedure : null);
  const required = { required: true, whitespace: true, message: t('form.required') };
  const send = (v: AddValues) => void run(async () => {
    const linked = v.kind === 'tthc' && v.catalogProcedureCode;
    await create.mutateAsync({
      code: v.code.trim(), name: v.name.trim(), kind: v.kind, ownerUnitId: v.ownerUnitId ?? undefined,
      catalogProcedureCode: linked ? v.catalogProcedureCode! : undefined, caseCode: linked && v.caseCode ? v.caseCode : undefined,
    });
    void message.success(t('processes.created'));
    onClose();
  });
  // Picking a procedure names the process after it and suggests a code, unless the user typed their own.
  const picked = (p: { code: string; name: string } | null) => {
    form.setFieldValue('caseCode', null);
    if (!p) return;
    if (!form.isFieldTouched('name') || !form.getFieldValue('name')) form.setFieldValue('name', p.name);
    if (!form.isFieldTouched('code') || !form.getFieldValue('code')) form.setFieldValue('code', `QT-${p.code}`.slice(0, 30));
  };
  return (
    <Modal open title={t('processes.add')} okText={t('processes.add')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={680}>
      <Form<AddValues> form={form} layout="vertical" onFinish={send} onValuesChange={() => setProblem(null)} initialValues={{ kind: 'tthc' }}>
        <Form.Item name="kind" label={t('field.processKind')}>
          <Radio.Group options={PROCESS_KINDS.map((k) => ({ value: k, label: t(`processKind.${k}`) }))} />
        </Form.Item>
        {kind === 'tthc' ? (
          <>
            <Form.Item name="catalogProcedureCode" label={t('field.procedure')} extra={t('field.procedureHint')}
              rules={[{ required: true, message: t('form.pickProcedure') }]}>
              <ProcedurePicker aria-label={t('field.procedure')} onPicked={picked} />
            </Form.Item>
            {cases.length ? (
              <Form.Item name="caseCode" label={t('field.case')} extra={t('field.caseHint')}>
                <Select allowClear placeholder={t('field.caseAll')} options={cases.map((c) => ({ value: c.code, label: c.name }))} popupMatchSelectWidth={false} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <div className="mc-qms-form-grid">
          <Form.Item name="code" label={t('field.processCode')} rules={[required, { max: 30, message: t('form.max', { n: 30 }) }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="ownerUnitId" label={t('field.ownerUnit')}>
            <UnitPicker qmsId={qmsId} aria-label={t('field.ownerUnit')} />
          </Form.Item>
        </div>
        <Form.Item name="name" label={t('field.processName')} rules={[required, { min: 3, message: t('form.tooShort') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

interface EditValues { name: string; ownerUnitId?: number | null; active: boolean }

/** A process's name, owner and whether it is still in use; its code and catalogue link stay. */
export function EditProcessDialog({ qmsId, process, reload, onClose }: { qmsId: number; process: Process; reload: () => unknown; onClose: () => void }) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateProcess(qmsId);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const send = (v: EditValues) => void run(async () => {
    await update.mutateAsync({ id: process.id, version: process.version, name: v.name.trim(), ownerUnitId: v.ownerUnitId ?? null, active: v.active });
    void message.success(t('processes.saved'));
    onClose();
  });
  return (
    <Modal open title={t('processes.editTitle', { code: process.code })} okText={ts('action.save')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={620}>
      {process.catalogProcedureCode ? (
        <Typography.Paragraph type="secondary">{t('processes.linkedTo', { name: process.procedureName ?? '', code: process.catalogProcedureCode })}</Typography.Paragraph>
      ) : null}
      <Form<EditValues> form={form} layout="vertical" onFinish={send} initialValues={{ name: process.name, ownerUnitId: process.ownerUnitId, active: process.active }}>
        <Form.Item name="name" label={t('field.processName')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { min: 3, message: t('form.tooShort') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('field.ownerUnit')}>
          <UnitPicker qmsId={qmsId} aria-label={t('field.ownerUnit')} />
        </Form.Item>
        <Form.Item name="active" label={t('field.processActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
