import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useAddAuditItem, useSetAuditItem } from './api-audits';
import { Muted, ResultTag } from './audit-ui';
import type { FindingPrefill } from './AuditDialogs';
import { useQualityT } from './i18n';
import { Problem, Section, useQmsSubmit } from './qms-ui';
import { AUDIT_ITEM_RESULTS, type AuditDetail, type AuditItem, type AuditItemResult } from './types-audit';

/**
 * The audit's checklist: each question with its clause and process, the result and the evidence seen.
 * While the audit runs, the team records each question's result on its own (one save per question, so
 * two auditors working on different questions do not overwrite each other's words).
 */
export function AuditChecklist({ audit, reload, onFinding }: { audit: AuditDetail; reload: () => unknown; onFinding: (p: FindingPrefill) => void }) {
  const t = useQualityT();
  const running = audit.status === 'in_progress' && audit.may.edit;
  const open = (audit.status === 'planned' || audit.status === 'in_progress') && audit.may.edit;
  const processCode = new Map(audit.processes.map((p) => [p.id, p.code]));
  return (
    <Section title={t('audit.checklist')} testId="audit-checklist">
      {audit.items.length ? (
        <div role="list" aria-label={t('audit.checklist.table')} className="mc-qms-checklist">
          {audit.items.map((i) => (
            <ChecklistRow key={`${i.seq}:${i.result ?? ''}:${i.evidenceNote ?? ''}`} item={i} audit={audit} editable={running} reload={reload}
              process={i.processId ? processCode.get(i.processId) ?? null : null} onFinding={onFinding} />
          ))}
        </div>
      ) : <Muted>{t('audit.checklist.empty')}</Muted>}
      {open ? <AddItemForm audit={audit} reload={reload} /> : null}
    </Section>
  );
}

function ChecklistRow({ item, audit, editable, process, reload, onFinding }: {
  item: AuditItem; audit: AuditDetail; editable: boolean; process: string | null; reload: () => unknown; onFinding: (p: FindingPrefill) => void;
}) {
  const t = useQualityT();
  const { message } = App.useApp();
  const set = useSetAuditItem(audit.id);
  const send = useQmsSubmit(null, reload);
  const [result, setResult] = useState<AuditItemResult | null>(item.result);
  const [note, setNote] = useState(item.evidenceNote ?? '');
  const changed = result !== item.result || note.trim() !== (item.evidenceNote ?? '');
  const n = item.seq;
  const save = async () => {
    if (!result) return;
    if (await send.run(() => set.mutateAsync({ seq: n, version: audit.version, result, ...(note.trim() ? { evidenceNote: note.trim() } : {}) }))) void message.success(t('audit.saved'));
  };
  const finding = (item.result === 'nonconformity' || item.result === 'observation') && !audit.findings.some((f) => f.itemSeq === n);
  return (
    <div role="listitem" className="mc-qms-check-item" data-seq={n}>
      <Typography.Text strong>{t('plan.question', { n })}</Typography.Text>{' '}
      {item.clause ? <Muted>· {t('audit.findingClause', { clause: item.clause })}</Muted> : null}{' '}
      {process ? <Muted>· {process}</Muted> : null}
      <p className="mc-qms-text" style={{ margin: '4px 0 8px' }}>{item.question}</p>
      {editable ? (
        <Flex vertical gap={8}>
          <Flex gap={8} wrap align="flex-start">
            <Select<AuditItemResult> aria-label={t('audit.resultOf', { n })} value={result ?? undefined} placeholder={t('result.none')} style={{ flex: '0 1 220px', minWidth: 180 }}
              onChange={setResult} options={AUDIT_ITEM_RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) }))} popupMatchSelectWidth={false} />
            <Input.TextArea aria-label={t('audit.noteOf', { n })} value={note} onChange={(e) => setNote(e.target.value)} rows={2}
              maxLength={4000} placeholder={t('audit.notePlaceholder')} style={{ flex: '1 1 260px' }} />
          </Flex>
          <Flex gap={8} wrap>
            <Button icon={<SaveOutlined aria-hidden />} disabled={!changed || !result} loading={send.pending} onClick={() => void save()} aria-label={t('audit.saveItem', { n })}>{t('a.save')}</Button>
            {finding && !changed ? (
              <Button onClick={() => onFinding({ kind: item.result as 'nonconformity' | 'observation', itemSeq: n, clause: item.clause ?? undefined, processId: item.processId ?? 0 })}
              >{t('audit.findingFromItem', { n })}</Button>
            ) : null}
          </Flex>
          <Problem text={send.problem} />
        </Flex>
      ) : (
        <Flex gap={8} wrap align="baseline">
          <ResultTag result={item.result} />
          {item.evidenceNote ? <span className="mc-qms-text">{item.evidenceNote}</span> : null}
        </Flex>
      )}
    </div>
  );
}

type NewItem = { question: string; clause?: string; processId?: number };

/** One more question, while the audit is planned or under way. */
function AddItemForm({ audit, reload }: { audit: AuditDetail; reload: () => unknown }) {
  const t = useQualityT();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewItem>();
  const add = useAddAuditItem(audit.id);
  const send = useQmsSubmit(form, reload);
  const [shown, setShown] = useState(false);
  if (!shown) return <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => setShown(true)} style={{ marginTop: 12 }}>{t('audit.addItem')}</Button>;
  const finish = async (v: NewItem) => {
    const ok = await send.run(() => add.mutateAsync({
      version: audit.version, question: v.question.trim(), ...(v.clause?.trim() ? { clause: v.clause.trim() } : {}), ...(v.processId ? { processId: v.processId } : {}),
    }));
    if (ok) {
      void message.success(t('a.done'));
      form.resetFields();
      setShown(false);
    }
  };
  return (
    <Form<NewItem> form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ processId: 0 }} className="mc-qms-add-item">
      <Form.Item name="question" label={t('plan.questionText', { n: audit.items.length + 1 })} rules={[{ required: true, whitespace: true, min: 3, message: t('a.min3') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Flex gap={8} wrap align="flex-end">
        <Form.Item name="clause" label={t('plan.clause')} style={{ flex: '0 1 140px' }}><Input maxLength={40} placeholder={t('plan.clausePlaceholder')} /></Form.Item>
        <Form.Item name="processId" label={t('plan.process')} style={{ flex: '1 1 240px' }}>
          <Select aria-label={t('plan.process')} popupMatchSelectWidth={false}
            options={[{ value: 0, label: t('plan.anyProcess') }, ...audit.processes.map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))]} />
        </Form.Item>
      </Flex>
      <Problem text={send.problem} />
      <Flex gap={8} style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={send.pending}>{t('audit.addItem')}</Button>
        <Button onClick={() => { form.resetFields(); setShown(false); }}>{t('a.cancel')}</Button>
      </Flex>
    </Form>
  );
}
