import { type HTMLAttributes, useState } from 'react';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type PeriodOverview, type PeriodUnit, periodExportUrl, usePeriod } from '../api';
import { useDirectiveT } from '../i18n';
import { documentPath, idParam } from '../paths';
import { EmptyText, ReportStatusTag } from '../tags';
import { UnitReportDialog } from './UnitReportDialog';
import '../directives.css';

/** `/can-bo/chi-dao/ky-bao-cao/:periodId`: who has reported for the period, the totals, the consolidated files. */
export default function PeriodPage() {
  const t = useDirectiveT();
  const id = idParam(useParams().periodId);
  const overview = usePeriod(id ?? 0);
  if (id === null) return <Result status="404" title={t('period.notFound')} />;
  if (overview.isPending) return <><PageHeader title={t('period.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (overview.isError) return <><PageHeader title={t('period.title')} /><ErrorResult error={overview.error} onRetry={() => void overview.refetch()} /></>;
  return <PeriodView data={overview.data} />;
}

function PeriodView({ data }: { data: PeriodOverview }) {
  const t = useDirectiveT();
  const { period, document: doc, units, totals, canEdit } = data;
  const [editing, setEditing] = useState<PeriodUnit | null>(null);
  const editable = new Set(canEdit.map(Number));
  const columns: ColumnsType<PeriodUnit> = [
    { title: t('period.col.unit'), dataIndex: 'unitName' },
    { title: t('period.col.status'), key: 'status', width: 150, render: (_, u) => <ReportStatusTag status={u.status} /> },
    {
      title: t('period.col.submitted'), key: 'submitted', width: 220,
      render: (_, u) => (u.submittedAt ? <>{formatDateTime(u.submittedAt)}{u.submittedByName ? <div><Typography.Text type="secondary">{u.submittedByName}</Typography.Text></div> : null}</> : '—'),
    },
    { title: t('board.col.tasks'), dataIndex: 'tasks', width: 100, align: 'right' },
    { title: t('board.col.completed'), dataIndex: 'completed', width: 110, align: 'right' },
    { title: t('board.col.overdue'), key: 'overdue', width: 90, align: 'right', render: (_, u) => (u.overdue ? <Typography.Text type="danger" strong>{u.overdue}</Typography.Text> : 0) },
    {
      title: t('period.col.report'), key: 'edit', width: 170,
      render: (_, u) => (editable.has(Number(u.unitId)) ? (
        <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(u)}
          aria-label={t('period.editFor', { action: u.status === 'submitted' ? t('period.view') : t('period.write'), unit: u.unitName })}>
          {u.status === 'submitted' ? t('period.view') : t('period.write')}
        </Button>
      ) : null),
    },
  ];
  const rate = totals.completionRate === null ? '—' : `${totals.completionRate.toLocaleString('vi-VN')}%`;
  return (
    <>
      <PageHeader
        title={t('period.heading', { label: period.label, number: doc.number })}
        subtitle={doc.subject}
        extra={<>
          <Link to={documentPath(doc.id)}><Button>{t('task.toDocument')}</Button></Link>
          {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
            <Button key={f} href={periodExportUrl(period.id, f)} icon={<DownloadOutlined aria-hidden />} data-export={f}>{t(`period.export.${f}`)}</Button>
          ))}
        </>}
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'range', label: t('period.col.range'), children: `${formatDate(period.startsOn)} – ${formatDate(period.endsOn)}` },
          { key: 'due', label: t('period.dueOn'), children: period.dueOn ? formatDate(period.dueOn) : '—' },
          { key: 'reported', label: t('period.col.reported'), children: t('period.reportedOf', { n: totals.unitsReported, total: totals.unitsResponsible }) },
        ]} />
        <Flex gap={32} wrap style={{ marginTop: 12 }} data-testid="period-totals">
          <Statistic title={t('totals.tasks')} value={totals.tasks} />
          <Statistic title={t('totals.completed')} value={totals.completed} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('totals.onTimeLate', { onTime: totals.completedOnTime, late: totals.completedLate })}</Typography.Text>} />
          <Statistic title={t('totals.open')} value={totals.open} />
          <Statistic title={t('totals.overdue')} value={totals.overdue} styles={{ content: totals.overdue ? { color: '#a8071a' } : undefined }} />
          <Statistic title={t('totals.notAssigned')} value={totals.notAssigned} />
          <Statistic title={t('totals.cancelled')} value={totals.cancelled} />
          <Statistic title={t('totals.rate')} value={rate} />
        </Flex>
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('period.units')}</Typography.Title>}>
        <Table<PeriodUnit> aria-label={t('period.units')} data-testid="period-units" rowKey="unitId" size="middle" columns={columns} dataSource={units}
          pagination={false} scroll={{ x: 900 }} locale={{ emptyText: <EmptyText>{t('period.noUnits')}</EmptyText> }}
          onRow={(u) => ({ 'data-unit-id': u.unitId, 'data-status': u.status }) as HTMLAttributes<HTMLElement>} />
      </Card>
      {editing ? <UnitReportDialog periodId={period.id} unit={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
