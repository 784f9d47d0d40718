import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useCreateDisposal, useDisposalAction, useFiles } from '../api';
import { useRegistryT } from '../i18n';
import { EmptyText } from '../tags';
import type { DisposalDetail, FileView } from '../types';
import { useSubmit } from '../useSubmit';

/** The agency's files past their retention, not on a list yet, to tick. */
function DisposableFiles({ unitId, exclude, selected, onChange }: { unitId: number; exclude?: Set<number>; selected: number[]; onChange: (ids: number[]) => void }) {
  const t = useRegistryT();
  const files = useFiles({ unitId, due: 'disposal' });
  const rows = (files.data?.files ?? []).filter((f) => f.disposalId === null && !exclude?.has(f.id));
  return (
    <Table<FileView> aria-label={t('disp.field.files')} rowKey="id" size="small" dataSource={rows} loading={files.isFetching} pagination={false} scroll={{ y: 320 }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onChange(keys.map(Number)) }}
      locale={{ emptyText: <EmptyText>{t('disp.noneDisposable')}</EmptyText> }}
      columns={[
        { title: t('files.col.code'), dataIndex: 'code', width: 120 },
        { title: t('files.col.title'), dataIndex: 'title' },
        { title: t('files.year'), dataIndex: 'year', width: 70 },
        { title: t('files.col.retention'), dataIndex: 'retentionLabel', width: 110 },
      ]} />
  );
}

/** "Lập danh mục hủy": a title and the files past their retention (Decree 30 art. 31; Law on Archives). */
export function CreateDisposalDialog({ unitId, onClose, onCreated }: { unitId: number; onClose: () => void; onCreated: (id: number) => void }) {
  const t = useRegistryT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title?: string; note?: string }>();
  const [fileIds, setFileIds] = useState<number[]>([]);
  const create = useCreateDisposal();
  const { problem, pending, run } = useSubmit(form);
  const send = (v: { title?: string; note?: string }) => void run(async () => {
    const made = await create.mutateAsync({ unitId, title: v.title?.trim() ?? '', fileIds, note: v.note?.trim() || undefined });
    void message.success(t('disp.created'));
    onCreated(made.id);
  });
  return (
    <Modal open title={t('disp.create')} okText={t('disp.create')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={760}>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="title" label={t('disp.field.title')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input maxLength={300} /></Form.Item>
        <Form.Item label={t('disp.field.files')} required><DisposableFiles unitId={unitId} selected={fileIds} onChange={setFileIds} /></Form.Item>
        <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}

type Values = { decisionNo?: string; decisionDate?: Dayjs; reason?: string };

/** add_files, remove_files (the ticked ones), approve by a decision, cancel with a reason. */
export function DisposalActionDialog({ disposal, action, selected, onClose, reload }: { disposal: DisposalDetail; action: string; selected: number[]; onClose: () => void; reload: () => unknown }) {
  const t = useRegistryT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState<number[]>([]);
  const act = useDisposalAction(disposal.id);
  const { problem, pending, run } = useSubmit(form, reload, onClose);
  const label = t(`disp.action.${action as 'approve'}`);
  const version = disposal.version;
  const send = (v: Values) => void run(async () => {
    if (action === 'add_files') await act.mutateAsync({ action, version, fileIds: adding });
    else if (action === 'remove_files') await act.mutateAsync({ action, version, fileIds: selected });
    else if (action === 'approve') await act.mutateAsync({ action, version, decisionNo: v.decisionNo?.trim() ?? '', decisionDate: v.decisionDate?.format('YYYY-MM-DD') ?? '' });
    else await act.mutateAsync({ action: 'cancel', version, reason: v.reason?.trim() ?? '' });
    void message.success(t('fileAction.done', { action: label }));
    onClose();
  });
  const pick = [{ required: true, message: t('form.required') }];
  return (
    <Modal open title={label} okText={label} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending, danger: action === 'approve' || action === 'cancel' }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={action === 'add_files' ? 760 : 520}>
      <Form form={form} layout="vertical" onFinish={send}>
        {action === 'add_files' ? <DisposableFiles unitId={disposal.unitId} exclude={new Set(disposal.files.map((f) => f.id))} selected={adding} onChange={setAdding} /> : null}
        {action === 'remove_files' ? <Typography.Paragraph>{disposal.files.filter((f) => selected.includes(f.id)).map((f) => f.code).join(', ')}</Typography.Paragraph> : null}
        {action === 'approve' ? (
          <>
            <Alert type="warning" showIcon title={t('disp.approveHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="decisionNo" label={t('files.decisionNo')} rules={pick}><Input maxLength={60} /></Form.Item>
            <Form.Item name="decisionDate" label={t('files.decisionDate')} rules={pick}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item>
          </>
        ) : null}
        {action === 'cancel' ? <Form.Item name="reason" label={t('disp.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item> : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
