import { Button, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { type Meta, PRIORITIES, RECURRENCES } from '../api';
import { useDirectiveT } from '../i18n';
import { UnitPicker } from '../UnitPicker';
import { EmptyText } from '../tags';
import { type TaskRow, emptyRow, rowProblems } from './rows';

interface Props {
  rows: TaskRow[];
  onChange: (rows: TaskRow[]) => void;
  meta: Meta;
  /** The server's messages for a row (400 fields "tasks.<i>.…"), by row index. */
  rowErrors: Record<number, string[]>;
  /** Show the client's own checks (after a first attempt to send). */
  showProblems: boolean;
}

/** The proposed tasks, editable cell by cell; every control is labelled with its row's item number. */
export function TaskTable({ rows, onChange, meta, rowErrors, showProblems }: Props) {
  const t = useDirectiveT();
  const ts = useT();
  const update = (uid: string, patch: Partial<TaskRow>) => onChange(rows.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
  const remove = (uid: string) => onChange(rows.filter((r) => r.uid !== uid));
  const name = (r: TaskRow, i: number) => r.ref || String(i + 1);

  const columns: ColumnsType<TaskRow> = [
    {
      title: t('reg.col.ref'), key: 'ref', width: 80,
      render: (_, r, i) => <Input aria-label={t('reg.aria.ref', { n: i + 1 })} value={r.ref} maxLength={20} onChange={(e) => update(r.uid, { ref: e.target.value })} />,
    },
    {
      title: t('reg.col.content'), key: 'content', width: 340,
      render: (_, r, i) => {
        const problems = showProblems ? rowProblems(r) : [];
        const messages = [...problems.map((p) => t(`reg.problem.${p}`)), ...(rowErrors[i] ?? [])];
        return (
          <>
            <Input.TextArea aria-label={t('reg.aria.content', { ref: name(r, i) })} value={r.content} rows={5} maxLength={20000}
              status={problems.includes('noContent') ? 'error' : undefined} onChange={(e) => update(r.uid, { content: e.target.value })} />
            {messages.map((m) => <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 13 }} role="alert">{m}</Typography.Text>)}
          </>
        );
      },
    },
    {
      title: t('reg.col.leads'), key: 'leads', width: 260,
      render: (_, r, i) => (
        <Flex vertical gap={4}>
          {r.groups.length || r.unmatchedLeads.length ? (
            <Flex gap={4} wrap>
              {r.groups.map((g) => (
                <Tag key={g.key} color="blue" closable style={{ whiteSpace: 'normal' }} onClose={() => update(r.uid, { groups: r.groups.filter((x) => x.key !== g.key) })} data-group={g.key}>
                  {t('reg.group', { label: g.label, n: g.unitIds.length })}
                </Tag>
              ))}
              {r.unmatchedLeads.map((n) => (
                <Tag key={n} color="red" closable style={{ whiteSpace: 'normal' }} onClose={() => update(r.uid, { unmatchedLeads: r.unmatchedLeads.filter((x) => x !== n) })} data-unmatched={n}>
                  {n} — {t('reg.unmatched')}
                </Tag>
              ))}
            </Flex>
          ) : null}
          <UnitPicker multiple units={meta.units} value={r.leadUnitIds} aria-label={t('reg.aria.leads', { ref: name(r, i) })} placeholder={t('reg.pickUnits')}
            status={showProblems && rowProblems(r).includes('noLead') ? 'error' : undefined}
            onChange={(v) => update(r.uid, { leadUnitIds: (v as number[] | undefined) ?? [] })} />
        </Flex>
      ),
    },
    {
      title: t('reg.col.coordinators'), key: 'coordinators', width: 220,
      render: (_, r, i) => (
        <Flex vertical gap={4}>
          {r.unmatchedCoordinators.length ? (
            <Flex gap={4} wrap>
              {r.unmatchedCoordinators.map((n) => (
                <Tag key={n} color="red" closable style={{ whiteSpace: 'normal' }} onClose={() => update(r.uid, { unmatchedCoordinators: r.unmatchedCoordinators.filter((x) => x !== n) })}>{n} — {t('reg.unmatched')}</Tag>
              ))}
            </Flex>
          ) : null}
          <UnitPicker multiple units={meta.units} value={r.coordinatingUnitIds} aria-label={t('reg.aria.coordinators', { ref: name(r, i) })} placeholder={t('reg.pickUnits')}
            disabledIds={r.leadUnitIds} onChange={(v) => update(r.uid, { coordinatingUnitIds: (v as number[] | undefined) ?? [] })} />
        </Flex>
      ),
    },
    {
      title: t('reg.col.due'), key: 'due', width: 200,
      render: (_, r, i) => (
        <Flex vertical gap={4}>
          <Select aria-label={t('reg.aria.timing', { ref: name(r, i) })} value={r.timing}
            onChange={(v: TaskRow['timing']) => update(r.uid, { timing: v, recurrence: v === 'once' ? null : r.recurrence ?? 'quarterly' })}
            options={[{ value: 'once', label: t('reg.timing.once') }, { value: 'recurring', label: t('reg.timing.recurring') }]} />
          {r.timing === 'recurring' ? (
            <Select aria-label={t('reg.aria.recurrence', { ref: name(r, i) })} value={r.recurrence ?? undefined} placeholder={t('reg.recurrence')}
              onChange={(v: TaskRow['recurrence']) => update(r.uid, { recurrence: v })}
              options={RECURRENCES.map((c) => ({ value: c, label: t(`recurrence.${c}`) }))} />
          ) : null}
          <DatePicker aria-label={t(r.timing === 'recurring' ? 'reg.aria.firstDue' : 'reg.aria.due', { ref: name(r, i) })} format={DATE_PATTERN}
            placeholder={r.timing === 'recurring' ? t('reg.firstDue') : ts('common.datePlaceholder')}
            value={r.dueOn ? dayjs(r.dueOn) : null} onChange={(d) => update(r.uid, { dueOn: d ? d.format('YYYY-MM-DD') : null })}
            status={showProblems && rowProblems(r).includes('recurrenceNeedsDue') ? 'error' : undefined} style={{ width: '100%' }} />
        </Flex>
      ),
    },
    {
      title: t('reg.col.output'), key: 'output', width: 200,
      render: (_, r, i) => <Input.TextArea aria-label={t('reg.aria.output', { ref: name(r, i) })} value={r.expectedOutput} rows={3} maxLength={2000}
        onChange={(e) => update(r.uid, { expectedOutput: e.target.value })} />,
    },
    {
      title: t('reg.col.priority'), key: 'priority', width: 140,
      render: (_, r, i) => <Select aria-label={t('reg.aria.priority', { ref: name(r, i) })} value={r.priority} style={{ width: '100%' }}
        onChange={(v: TaskRow['priority']) => update(r.uid, { priority: v })} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />,
    },
    {
      title: t('reg.col.remove'), key: 'remove', width: 64,
      render: (_, r, i) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('reg.remove', { ref: name(r, i) })} onClick={() => remove(r.uid)} />,
    },
  ];

  return (
    <>
      <Table<TaskRow>
        aria-label={t('reg.tasks')}
        data-testid="directive-task-table"
        rowKey="uid"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1500 }}
        locale={{ emptyText: <EmptyText>{t('reg.noTasks')}</EmptyText> }}
      />
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => onChange([...rows, emptyRow()])} style={{ marginTop: 8 }}>{t('reg.addRow')}</Button>
    </>
  );
}
