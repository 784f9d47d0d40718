import type { ReactNode } from 'react';
import { App, Form, type FormInstance, Input, Modal, Radio, Select, Typography } from 'antd';
import { useAddFinding, useReportAudit } from './api-audits';
import { OwnerUnitSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { Problem, useQmsSubmit } from './qms-ui';
import { type AuditDetail, FINDING_KINDS, type FindingKind } from './types-audit';

/** A modal form sent under the version the page read; a stale version closes it and reads the audit again. */
export function AuditModal<V extends object>({ title, okText, form, initialValues, onClose, reload, send, children, width }: {
  title: string; okText: string; form: FormInstance<V>; initialValues?: Partial<V>; onClose: () => void; reload: () => unknown;
  send: (v: V) => Promise<unknown>; children: ReactNode; width?: number;
}) {
  const t = useQualityT();
  const { message } = App.useApp();
  const submit = useQmsSubmit(form, reload, onClose);
  const finish = async (v: V) => {
    if (await submit.run(() => send(v))) {
      void message.success(t('a.done'));
      onClose();
    }
  };
  return (
    <Modal open width={width ?? 640} title={title} okText={okText} cancelText={t('a.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: submit.pending }} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {children}
        <Problem text={submit.problem} />
      </Form>
    </Modal>
  );
}

type FindingValues = { kind: FindingKind; clause?: string; processId?: number; itemSeq?: number; description: string; evidence?: string; ownerUnitId?: number | null };
export type FindingPrefill = Partial<Pick<FindingValues, 'kind' | 'clause' | 'processId' | 'itemSeq'>>;

/**
 * "Ghi nhận phát hiện": a nonconformity (which opens a KPH record owned by the unit named here) or an
 * observation, with the clause, the process, the checklist question it answers, what was found and the
 * evidence. `onOpened` hears of the new finding, so the page can point at the record it opened.
 */
export function FindingDialog({ audit, prefill, onClose, reload, onOpened }: {
  audit: AuditDetail; prefill?: FindingPrefill; onClose: () => void; reload: () => unknown; onOpened: (before: number[], after: AuditDetail) => void;
}) {
  const t = useQualityT();
  const [form] = Form.useForm<FindingValues>();
  const add = useAddFinding(audit.id);
  const kind = Form.useWatch('kind', form) ?? prefill?.kind;
  const text = [{ required: true, whitespace: true, min: 3, message: t('a.min3') }];
  const before = audit.findings.map((f) => f.id);
  return (
    <AuditModal<FindingValues> title={t('audit.addFinding')} okText={t('audit.addFinding')} form={form} onClose={onClose} reload={reload} width={700}
      initialValues={{ kind: 'nonconformity', processId: 0, itemSeq: 0, ...prefill }}
      send={async (v) => {
        const after = await add.mutateAsync({
          version: audit.version, kind: v.kind, description: v.description.trim(),
          ...(v.clause?.trim() ? { clause: v.clause.trim() } : {}), ...(v.processId ? { processId: v.processId } : {}),
          ...(v.evidence?.trim() ? { evidence: v.evidence.trim() } : {}), ...(v.itemSeq ? { itemSeq: v.itemSeq } : {}),
          ...(v.kind === 'nonconformity' && v.ownerUnitId ? { ownerUnitId: v.ownerUnitId } : {}),
        });
        onOpened(before, after);
      }}>
      <Form.Item name="kind" label={t('finding.kind')} rules={[{ required: true, message: t('a.required') }]}>
        <Radio.Group aria-label={t('finding.kind')} optionType="button" buttonStyle="solid"
          options={FINDING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <div className="mc-qms-form-grid">
        <Form.Item name="clause" label={t('plan.clause')}><Input maxLength={40} placeholder={t('plan.clausePlaceholder')} /></Form.Item>
        <Form.Item name="processId" label={t('plan.process')}>
          <Select aria-label={t('plan.process')} popupMatchSelectWidth={false}
            options={[{ value: 0, label: t('plan.anyProcess') }, ...audit.processes.map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))]} />
        </Form.Item>
      </div>
      <Form.Item name="itemSeq" label={t('finding.item')}>
        <Select aria-label={t('finding.item')} popupMatchSelectWidth={false}
          options={[{ value: 0, label: t('finding.noItem') }, ...audit.items.map((i) => ({ value: i.seq, label: `${i.seq}. ${i.question.length > 90 ? `${i.question.slice(0, 90)}…` : i.question}` }))]} />
      </Form.Item>
      <Form.Item name="description" label={t('finding.description')} rules={text}><Input.TextArea rows={3} maxLength={4000} showCount /></Form.Item>
      <Form.Item name="evidence" label={t('finding.evidence')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
      {kind === 'nonconformity' ? (
        <Form.Item name="ownerUnitId" label={t('finding.owner')} extra={t('finding.ownerHint')} rules={[{ required: true, message: t('a.required') }]}>
          <OwnerUnitSelect qmsId={audit.qmsId} aria-label={t('finding.owner')} />
        </Form.Item>
      ) : null}
    </AuditModal>
  );
}

/** "Lập báo cáo đánh giá": the lead's summary; the audit becomes reported. */
export function ReportDialog({ audit, onClose, reload }: { audit: AuditDetail; onClose: () => void; reload: () => unknown }) {
  const t = useQualityT();
  const [form] = Form.useForm<{ summary: string }>();
  const report = useReportAudit(audit.id);
  return (
    <AuditModal<{ summary: string }> title={t('audit.report')} okText={t('audit.report')} form={form} onClose={onClose} reload={reload}
      initialValues={{ summary: audit.reportSummary ?? '' }} send={(v) => report.mutateAsync({ version: audit.version, summary: v.summary.trim() })}>
      <Typography.Paragraph type="secondary">{t('audit.summaryHint')}</Typography.Paragraph>
      <Form.Item name="summary" label={t('audit.summary')} rules={[{ required: true, whitespace: true, min: 3, message: t('a.min3') }]}>
        <Input.TextArea rows={6} maxLength={8000} showCount />
      </Form.Item>
    </AuditModal>
  );
}
