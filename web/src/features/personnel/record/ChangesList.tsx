import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { type ChangeStatus, type DiffEntry, type QueuedChange, type RecordChange, useDecideChange } from '../api-people';
import { useRecordT } from '../i18n';
import { personPath } from '../paths';
import { Problem, useSend } from '../ui';
import { useRecordFormat } from './format';
import { type Row, isTableField } from './model';

const COLOURS: Record<ChangeStatus, string> = { proposed: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' };

export function ChangeStatusTag({ status }: { status: ChangeStatus }) {
  const t = useRecordT();
  return <Tag color={COLOURS[status]} style={{ marginInlineEnd: 0 }}>{t(`cstatus.${status}`)}</Tag>;
}

type Decision = 'approve' | 'reject' | 'withdraw';

/**
 * Proposed changes with their diff (the current value struck through, the proposed one beside it). HR
 * approves or rejects; the person withdraws their own. The server decides again on each.
 */
export function ChangesList({ changes, can, personName }: { changes: (RecordChange | QueuedChange)[]; can: { decide: boolean; withdraw: boolean }; personName?: string }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const [deciding, setDeciding] = useState<{ change: RecordChange | QueuedChange; decision: Decision } | null>(null);
  if (!changes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.empty')} />;
  const columns: ColumnsType<DiffEntry> = [
    { title: t('col.field'), key: 'field', width: 220, render: (_, d) => f.fieldLabel(d.field) },
    { title: t('col.before'), key: 'before', render: (_, d) => <DiffSide entry={d} side="before" /> },
    { title: t('col.after'), key: 'after', render: (_, d) => <DiffSide entry={d} side="after" /> },
  ];
  return (
    <Flex vertical gap={12}>
      {changes.map((c) => {
        const who = 'fullName' in c ? c.fullName : personName;
        return (
          <Card key={c.id} size="small" data-change={c.id}
            title={<Flex gap={8} align="center" wrap><ChangeStatusTag status={c.status} />
              {'fullName' in c ? <Link to={personPath(c.personId)}>{t('changes.person', { name: c.fullName, unit: c.unitName })}</Link> : null}
              <Typography.Text type="secondary">{t('changes.by', { name: c.proposedBy, at: formatDateTime(c.proposedAt) })}</Typography.Text></Flex>}
            extra={c.status === 'proposed' ? (
              <Flex gap={8}>
                {can.decide ? <Button size="small" type="primary" onClick={() => setDeciding({ change: c, decision: 'approve' })}>{t('decide.approve')}</Button> : null}
                {can.decide ? <Button size="small" danger onClick={() => setDeciding({ change: c, decision: 'reject' })}>{t('decide.reject')}</Button> : null}
                {can.withdraw ? <Button size="small" onClick={() => setDeciding({ change: c, decision: 'withdraw' })}>{t('decide.withdraw')}</Button> : null}
              </Flex>
            ) : null}>
            <Typography.Paragraph className="mc-hr-text">{t('changes.reason', { reason: c.reason })}</Typography.Paragraph>
            <Table<DiffEntry> aria-label={t('changes.table')} rowKey="field" size="small" columns={columns} dataSource={c.diff} pagination={false} scroll={{ x: 'max-content' }} />
            {c.decidedAt ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('changes.decided', { name: c.decidedBy ?? '', at: formatDateTime(c.decidedAt) })}{c.decisionNote ? ` — ${t('changes.note', { note: c.decisionNote })}` : ''}
              </Typography.Paragraph>
            ) : null}
            {deciding?.change.id === c.id ? <DecideDialog change={c} decision={deciding.decision} name={who ?? ''} onClose={() => setDeciding(null)} /> : null}
          </Card>
        );
      })}
    </Flex>
  );
}

function DecideDialog({ change, decision, name, onClose }: { change: RecordChange; decision: Decision; name: string; onClose: () => void }) {
  const t = useRecordT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideChange();
  const send = useSend(form, onClose);
  const title = { approve: t('decide.approveTitle', { name }), reject: t('decide.rejectTitle', { name }), withdraw: t('decide.withdrawTitle') }[decision];
  const finish = async (v: { note?: string }) => {
    if (await send.run(() => decide.mutateAsync({ id: change.id, decision, note: v.note?.trim() ?? '' }))) {
      void message.success(t('decide.done'));
      onClose();
    }
  };
  return (
    <Modal open title={title} okText={t(`decide.${decision}`)} cancelText={t('decide.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending, danger: decision === 'reject' }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        {decision === 'withdraw' ? null : (
          <Form.Item name="note" label={t(decision === 'reject' ? 'decide.rejectNote' : 'decide.note')}
            rules={decision === 'reject' ? [{ required: true, whitespace: true, message: t('decide.rejectNoteRequired') }] : undefined}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}

/**
 * One side of a field's change. A table is compared row by row: rows on both sides stay plain, a row only
 * before is struck through, a row only after is marked new, so a proposal that adds one diploma reads as one.
 */
function DiffSide({ entry, side }: { entry: DiffEntry; side: 'before' | 'after' }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const mark = side === 'before' ? 'mc-hr-diff-before' : 'mc-hr-diff-after';
  const value = side === 'before' ? entry.before : entry.after;
  if (!isTableField(entry.field)) {
    const text = f.value(entry.field, value);
    return text ? <span className={`mc-hr-text ${mark}`}>{text}</span> : <Typography.Text type="secondary">{t('blank')}</Typography.Text>;
  }
  const table = entry.field;
  const lines = (v: unknown) => ((v as Row[] | null) ?? []).map((r) => f.rowText(table, r));
  const mine = lines(value);
  const other = new Set(lines(side === 'before' ? entry.after : entry.before));
  if (!mine.length) return <Typography.Text type="secondary">{t('rows.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {mine.map((line, i) => <span key={i} className={other.has(line) ? 'mc-hr-text' : `mc-hr-text ${mark}`}>{line}</span>)}
    </Flex>
  );
}
