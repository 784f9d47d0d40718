import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../../shared/format';
import { useRegistryT } from '../i18n';
import { DueDate, EmptyText } from '../tags';
import type { Assignment } from '../types';

const STATUS_COLOURS: Record<Assignment['status'], string> = { open: 'blue', reported: 'green', cancelled: 'default' };

/** Who handles an incoming document (lead and coordinators), their deadlines (overdue in red) and reports. */
export function HandlersTable({ assignments }: { assignments: Assignment[] }) {
  const t = useRegistryT();
  const columns: ColumnsType<Assignment> = [
    { title: t('handler.role'), dataIndex: 'role', width: 120, render: (r: Assignment['role']) => <Tag color={r === 'lead' ? 'geekblue' : 'default'}>{t(`handler.${r}`)}</Tag> },
    { title: t('handler.who'), key: 'who', render: (_, a) => [a.staff?.fullName, a.unitName].filter(Boolean).join(' — ') || '—' },
    { title: t('col.due'), key: 'due', width: 160, render: (_, a) => <DueDate dueOn={a.dueOn} overdue={a.overdue} /> },
    { title: t('handler.status'), dataIndex: 'status', width: 130, render: (s: Assignment['status']) => <Tag color={STATUS_COLOURS[s]}>{t(`handler.status.${s}`)}</Tag> },
    {
      title: t('handler.report'), key: 'report',
      render: (_, a) => (a.report ? (
        <div><Typography.Paragraph className="mc-reg-text">{a.report}</Typography.Paragraph>
          {a.reportedAt ? <Typography.Text type="secondary">{formatDateTime(a.reportedAt)}</Typography.Text> : null}</div>
      ) : a.instructions ? <Typography.Text type="secondary" className="mc-reg-text">{a.instructions}</Typography.Text> : '—'),
    },
  ];
  return (
    <Table<Assignment> aria-label={t('handler.title')} data-testid="registry-handlers" rowKey="id" size="small" columns={columns} dataSource={assignments}
      pagination={false} scroll={{ x: 760 }} rowClassName={(a) => (a.overdue ? 'mc-reg-overdue' : '')} locale={{ emptyText: <EmptyText>{t('handler.empty')}</EmptyText> }} />
  );
}
