import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useApproveVersion, useCreateDocument, useNewDraft, useObsoleteVersion, useProcesses } from './api';
import { useQualityT } from './i18n';
import { documentPath, todayInVietnam } from './paths';
import { DateField, Problem, useQmsSubmit } from './qms-ui';
import { DOCUMENT_KINDS, type DocumentDetail, type DocumentKind, type DocumentVersion } from './types';

interface AddValues { code: string; title: string; kind: DocumentKind; processId?: number | null; content?: string }

/**
 * A controlled document, created as the draft of its first issue. A process document of a process linked
 * to the catalogue may leave its content empty: the server fills in the internal process's steps.
 */
export function AddDocumentDialog({ qmsId, initial, onClose }: { qmsId: number; initial?: Partial<AddValues>; onClose: () => void }) {
  const t = useQualityT();
  const ts = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateDocument(qmsId);
  const processes = useProcesses(qmsId);
  const { problem, pending, run, setProblem } = useQmsSubmit(form);
  const kind = Form.useWatch('kind', form) ?? initial?.kind;
  const required = { required: true, whitespace: true, message: t('form.required') };
  const send = (v: AddValues) => void run(async () => {
    const detail = await create.mutateAsync({
      code: v.code.trim(), title: v.title.trim(), kind: v.kind, processId: v.kind === 'process' && v.processId ? v.processId : undefined,
      content: v.content?.trim() || undefined,
    });
    void message.success(t('documents.created'));
    onClose();
    if (detail?.id) navigate(documentPath(detail.id));
  });
  // Choosing the process names the document after it, unless the user typed their own.
  const pickProcess = (id?: number | null) => {
    const p = processes.data?.find((x) => x.id === id);
    if (!p) return;
    if (!form.getFieldValue('code')) form.setFieldValue('code', p.code);
    if (!form.getFieldValue('title')) form.setFieldValue('title', p.name);
  };
  return (
    <Modal open title={t('documents.add')} okText={t('documents.add')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={720}>
      <Form<AddValues> form={form} layout="vertical" onFinish={send} onValuesChange={() => setProblem(null)} initialValues={{ kind: 'process', ...initial }}>
        <div className="mc-qms-form-grid">
          <Form.Item name="kind" label={t('field.documentKind')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="code" label={t('field.documentCode')} rules={[required, { max: 40, message: t('form.max', { n: 40 }) }]} extra={t('field.documentCodeHint')}>
            <Input maxLength={40} />
          </Form.Item>
        </div>
        {kind === 'process' ? (
          <Form.Item name="processId" label={t('field.process')} extra={t('field.processHint')} rules={[{ required: true, message: t('form.pickProcess') }]}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={processes.isPending} placeholder={t('picker.process')} popupMatchSelectWidth={false}
              options={(processes.data ?? []).filter((p) => p.active && !p.document).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
              onChange={pickProcess} notFoundContent={t('picker.noProcess')} />
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('field.documentTitle')} rules={[required, { min: 3, message: t('form.tooShort') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="content" label={t('field.content')} extra={kind === 'process' ? t('field.contentHintProcess') : undefined}>
          <Input.TextArea rows={8} maxLength={200000} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

type Props = { doc: DocumentDetail; reload: () => unknown; onClose: () => void };

/** The next issue as a draft: the latest content to change, and what changed (ISO 9001 §7.5.3.2). */
export function NewDraftDialog({ doc, reload, onClose }: Props) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ content: string; changeLog: string }>();
  const draft = useNewDraft(doc.id, doc.qmsId);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const latest = [...doc.versions].sort((a, b) => b.issueNo - a.issueNo)[0];
  const next = (latest?.issueNo ?? 0) + 1;
  const send = (v: { content: string; changeLog: string }) => void run(async () => {
    await draft.mutateAsync({ content: v.content, changeLog: v.changeLog.trim() });
    void message.success(t('doc.draftCreated', { n: next }));
    onClose();
  });
  return (
    <Modal open title={t('doc.newDraftTitle', { n: next })} okText={t('doc.newDraftOk')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={760}>
      <Typography.Paragraph type="secondary">{t('doc.newDraftHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ content: latest?.content ?? '', changeLog: '' }}>
        <Form.Item name="changeLog" label={t('field.changeLog')} rules={[{ required: true, whitespace: true, message: t('form.changeLogRequired') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="content" label={t('field.content')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea rows={12} maxLength={200000} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/** The head approves a draft issue; the issue in force until then becomes obsolete (the server does). */
export function ApproveVersionDialog({ doc, version, reload, onClose }: Props & { version: DocumentVersion }) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ effectiveFrom?: string }>();
  const approve = useApproveVersion(doc.id, doc.qmsId);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const current = doc.versions.find((v) => v.status === 'approved');
  const send = (v: { effectiveFrom?: string }) => void run(async () => {
    await approve.mutateAsync({ versionId: version.id, version: version.version, effectiveFrom: v.effectiveFrom || undefined });
    void message.success(t('doc.approved', { n: version.issueNo }));
    onClose();
  });
  return (
    <Modal open title={t('doc.approveTitle', { n: version.issueNo })} okText={t('doc.approveOk')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {current ? <Typography.Paragraph>{t('doc.approveReplaces', { n: current.issueNo })}</Typography.Paragraph> : null}
      {version.sync && version.sync.status !== 'current' ? <Typography.Paragraph type="warning">{version.sync.label}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ effectiveFrom: todayInVietnam() }}>
        <DateField name="effectiveFrom" label={t('field.effectiveFrom')} extra={t('field.effectiveFromHint')} notBefore={todayInVietnam()} />
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/** The head withdraws the issue in force (the document no longer applies); the reason is kept. */
export function ObsoleteVersionDialog({ doc, version, reload, onClose }: Props & { version: DocumentVersion }) {
  const t = useQualityT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const obsolete = useObsoleteVersion(doc.id, doc.qmsId);
  const { problem, pending, run } = useQmsSubmit(form, reload, onClose);
  const isDraft = version.status === 'draft';
  const send = (v: { reason: string }) => void run(async () => {
    await obsolete.mutateAsync({ versionId: version.id, version: version.version, reason: v.reason.trim() });
    void message.success(t(isDraft ? 'doc.discarded' : 'doc.obsoleted', { n: version.issueNo }));
    onClose();
  });
  return (
    <Modal open title={t(isDraft ? 'doc.discard' : 'doc.obsoleteTitle', { n: version.issueNo })} okText={t('doc.obsoleteOk')} okButtonProps={{ loading: pending, danger: true }}
      cancelText={ts('action.cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        {isDraft ? t('doc.discardHint', { n: version.issueNo })
          : t('doc.obsoleteHint', { n: version.issueNo, date: version.effectiveFrom ? formatDate(version.effectiveFrom) : '—' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="reason" label={t('field.obsoleteReason')} rules={[{ required: true, whitespace: true, message: t('form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
