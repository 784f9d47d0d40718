import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useCreateFile, useFileListAction } from '../api';
import { useRegistryT } from '../i18n';
import { StaffPicker } from '../pickers';
import type { FileListView } from '../types';
import { useSubmit } from '../useSubmit';

export interface FileFieldsValues { code?: string; title?: string; heading?: string; retentionKind?: 'permanent' | 'limited'; years?: number; responsibleStaffId?: number | null; note?: string; reason?: string }

/** The fields of a file in the year's list (Appendix V: code, title, retention, who keeps it). */
export function FileFields({ unitId, needReason, responsibleName }: { unitId: number; needReason: boolean; responsibleName?: Record<number, string> }) {
  const t = useRegistryT();
  const kind = Form.useWatch<FileFieldsValues['retentionKind']>('retentionKind');
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <>
      <div className="mc-reg-form-grid">
        <Form.Item name="code" label={t('files.field.code')} rules={required} extra={t('files.field.codeHint')}><Input maxLength={20} /></Form.Item>
        <Form.Item name="heading" label={t('files.field.heading')}><Input maxLength={200} /></Form.Item>
      </div>
      <Form.Item name="title" label={t('files.field.title')} rules={required}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      <Form.Item name="retentionKind" label={t('files.field.retention')}>
        <Radio.Group options={[{ value: 'permanent', label: t('files.field.permanent') }, { value: 'limited', label: t('files.field.limited') }]} />
      </Form.Item>
      {kind === 'limited' ? (
        <Form.Item name="years" label={t('files.field.years')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={100} style={{ width: 140 }} /></Form.Item>
      ) : null}
      <Form.Item name="responsibleStaffId" label={t('files.field.responsible')}>
        <StaffPicker unitId={unitId} known={responsibleName} aria-label={t('files.field.responsible')} />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      {needReason ? <Form.Item name="reason" label={t('files.field.reason')} rules={required}><Input.TextArea rows={2} maxLength={2000} /></Form.Item> : null}
    </>
  );
}

export const retentionOf = (v: FileFieldsValues): 'permanent' | number => (v.retentionKind === 'limited' ? Number(v.years) : 'permanent');

/** "Thêm hồ sơ": a file in the year's list; once the list is approved, with the reason (art. 28). */
export function AddFileDialog({ unitId, year, list, onClose }: { unitId: number; year: number; list: FileListView | null; onClose: () => void }) {
  const t = useRegistryT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileFieldsValues>();
  const create = useCreateFile();
  const { problem, pending, run } = useSubmit(form);
  const needReason = list?.status === 'approved';
  const send = (v: FileFieldsValues) => void run(async () => {
    await create.mutateAsync({
      unitId, year, code: v.code?.trim() ?? '', title: v.title?.trim() ?? '', retention: retentionOf(v), heading: v.heading?.trim() || undefined,
      responsibleStaffId: v.responsibleStaffId || undefined, note: v.note?.trim() || undefined, reason: needReason ? v.reason?.trim() : undefined,
    });
    void message.success(t('files.created'));
    onClose();
  });
  return (
    <Modal open title={t('files.add')} okText={t('files.add')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={620}>
      <Form<FileFieldsValues> form={form} layout="vertical" initialValues={{ retentionKind: 'permanent' }} onFinish={send}>
        <FileFields unitId={unitId} needReason={needReason} />
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}

/** The head approves the year's list by a decision (art. 28). */
export function ApproveListDialog({ unitId, year, list, onClose }: { unitId: number; year: number; list: FileListView; onClose: () => void }) {
  const t = useRegistryT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decisionNo?: string; decisionDate?: Dayjs }>();
  const approve = useFileListAction(unitId, year);
  const { problem, pending, run } = useSubmit(form, undefined, onClose);
  const send = (v: { decisionNo?: string; decisionDate?: Dayjs }) => void run(async () => {
    await approve.mutateAsync({ action: 'approve', version: list.version, decisionNo: v.decisionNo?.trim() ?? '', decisionDate: v.decisionDate?.format('YYYY-MM-DD') ?? '' });
    void message.success(t('files.listApproved'));
    onClose();
  });
  const pick = [{ required: true, message: t('form.required') }];
  return (
    <Modal open title={t('files.approveList')} okText={t('files.approveList')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="decisionNo" label={t('files.decisionNo')} rules={pick}><Input maxLength={60} /></Form.Item>
        <Form.Item name="decisionDate" label={t('files.decisionDate')} rules={pick}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
