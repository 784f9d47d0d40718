import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { DATE_PATTERN, formatDate } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { useDocuments, useFileAction, useFiling } from '../api';
import { useRegistryT } from '../i18n';
import { FILES_PATH } from '../paths';
import type { DocumentItem, FileActionBody, FileDetail } from '../types';
import { useSubmit } from '../useSubmit';
import { FileFields, type FileFieldsValues, retentionOf } from './FileDialogs';

type Values = FileFieldsValues & { endedOn?: Dayjs | null; on?: Dayjs | null; until?: Dayjs | null };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function bodyOf(action: string, file: FileDetail, v: Values): FileActionBody {
  const version = file.version;
  switch (action) {
    case 'edit': return {
      action, version, code: v.code?.trim(), title: v.title?.trim(), retention: retentionOf(v), heading: v.heading?.trim() || null,
      responsibleStaffId: v.responsibleStaffId || null, note: v.note?.trim() || null, reason: v.reason?.trim() || undefined,
    };
    case 'close': return { action, version, endedOn: day(v.endedOn) };
    case 'hand_over': return { action, version, on: day(v.on), note: v.note?.trim() || undefined };
    case 'keep': return { action, version, reason: v.reason?.trim() ?? '', until: day(v.until) };
    default: return { action: 'remove', version };
  }
}

/** One action on a file (edit, remove, close, hand over, keep), under the version read. */
export function FileActionDialog({ file, action, onClose, reload }: { file: FileDetail; action: string; onClose: () => void; reload: () => unknown }) {
  const t = useRegistryT();
  const ts = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useFileAction(file.id);
  const { problem, pending, run } = useSubmit(form, reload, onClose);
  const label = t(`fileAction.${action as 'edit'}`);
  const send = (v: Values) => void run(async () => {
    await act.mutateAsync(bodyOf(action, file, v));
    void message.success(action === 'remove' ? t('file.removed') : t('fileAction.done', { action: label }));
    onClose();
    if (action === 'remove') navigate(`${FILES_PATH}?unitId=${file.unitId}&year=${file.year}`);
  });
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const initial: Values = {
    code: file.code, title: file.title, heading: file.heading ?? '', retentionKind: file.retention === 'permanent' ? 'permanent' : 'limited',
    years: file.retention === 'permanent' ? undefined : file.retention, responsibleStaffId: file.responsible?.id ?? null, note: file.note ?? '',
  };
  return (
    <Modal open title={label} okText={label} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending, danger: action === 'remove', 'data-testid': 'registry-file-action-ok' }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={action === 'edit' ? 620 : 520}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={send}>
        {action === 'edit' ? <FileFields unitId={file.unitId} needReason={false} responsibleName={file.responsible ? { [file.responsible.id]: file.responsible.fullName } : undefined} /> : null}
        {action === 'remove' ? <Typography.Paragraph>{t('file.removeHint')}</Typography.Paragraph> : null}
        {action === 'close' ? <Form.Item name="endedOn" label={t('file.endedOn')} extra={t('file.endedOnHint')}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item> : null}
        {action === 'hand_over' ? (
          <>
            <Form.Item name="on" label={t('file.handOverOn')} extra={t('file.endedOnHint')}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          </>
        ) : null}
        {action === 'keep' ? (
          <>
            <Form.Item name="reason" label={t('file.keepReason')} rules={required}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            <Form.Item name="until" label={t('file.keepUntil')}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item>
          </>
        ) : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}

/** "Lập văn bản vào hồ sơ": the agency's documents found by any words, each filed with one click. */
export function FileDocumentDialog({ file, onClose, reload }: { file: FileDetail; onClose: () => void; reload: () => unknown }) {
  const t = useRegistryT();
  const ts = useT();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const docs = useDocuments({ unitId: file.unitId, q: q || undefined });
  const filing = useFiling(file.id);
  const { problem, run } = useSubmit(null, reload, onClose);
  const filed = new Set(file.documents.map((d) => d.documentId));
  const items = (docs.data?.pages[0]?.items ?? []).filter((d) => !filed.has(d.id));
  const pick = (d: DocumentItem) => void run(async () => {
    await filing.mutateAsync({ documentId: d.id, version: file.version });
    void message.success(t('file.filed'));
    onClose();
  });
  return (
    <Modal open title={t('fileAction.file_document')} footer={<Button onClick={onClose}>{ts('action.close')}</Button>} onCancel={onClose} destroyOnHidden width={820}>
      <Input.Search aria-label={t('file.searchDoc')} placeholder={t('file.searchDoc')} allowClear onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 12 }} />
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table<DocumentItem> aria-label={t('file.searchDoc')} rowKey="id" size="small" dataSource={items} loading={docs.isFetching} pagination={false} scroll={{ y: 420 }}
        columns={[
          { title: t('col.symbol'), key: 'symbol', width: 150, render: (_, d) => d.symbol ?? '—' },
          { title: t('col.date'), key: 'date', width: 110, render: (_, d) => formatDate(d.arrivalOn ?? d.issuedOn ?? d.createdAt) },
          { title: t('col.subject'), key: 'subject', render: (_, d) => <><div className="mc-reg-subject">{d.subject}</div><Typography.Text type="secondary">{t(`direction.${d.direction}`)} · {d.docTypeName}</Typography.Text></> },
          { title: '', key: 'pick', width: 140, render: (_, d) => <Button size="small" type="primary" loading={filing.isPending && filing.variables?.documentId === d.id} onClick={() => pick(d)}>{t('file.pick')}</Button> },
        ]} />
    </Modal>
  );
}
