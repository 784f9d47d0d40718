import { useState } from 'react';
import { Alert, Button, Card, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useParameters } from './api';
import { count, hours, rateVnd, vnd } from './format';
import { useReviewT } from './i18n';
import { ParametersDialog } from './ParametersDialog';
import { Num } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { Parameters } from './types';

type Dialog = { mode: 'create' } | { mode: 'edit'; row: Parameters } | null;

/** `/can-bo/ra-soat-tthc/tham-so`: the wage rate and default estimates of each year; the province's catalogue administrators edit them. */
export default function ParametersPage() {
  const t = useReviewT();
  const list = useParameters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = list.data?.items ?? [];
  const mayEdit = !!list.data?.mayEdit;
  // A new year starts from the latest year's figures: the source changes, most estimates do not.
  const thisYear = Number(formatDate(new Date()).slice(-4));
  const latest = items[0];
  const nextYear = latest ? (items.some((p) => p.year === thisYear) ? Math.max(latest.year + 1, thisYear) : thisYear) : thisYear;

  const columns: ColumnsType<Parameters> = [
    { title: t('field.year'), dataIndex: 'year', width: 70 },
    { title: t('col.income'), dataIndex: 'monthlyIncomeVnd', width: 150, align: 'right', render: (v: number) => <Num>{vnd(v)}</Num> },
    { title: t('col.days'), dataIndex: 'workingDaysPerMonth', width: 110, align: 'right', render: (v: number) => <Num>{count(v)}</Num> },
    { title: t('col.hoursPerDay'), dataIndex: 'hoursPerDay', width: 80, align: 'right', render: (v: number) => <Num>{count(v)}</Num> },
    { title: t('col.rate'), dataIndex: 'hourlyRateVnd', width: 130, align: 'right', render: (v: number) => <Num><strong>{rateVnd(v)}</strong></Num> },
    {
      title: t('col.source'), dataIndex: 'source', width: 380,
      render: (v: string) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }} ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => t(open ? 'param.less' : 'param.more') }}>{v}</Typography.Paragraph>,
    },
    { title: t('col.updated'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <Typography.Text type="secondary">{formatDateTime(v)}</Typography.Text> },
    ...(mayEdit ? [{
      title: t('col.actions'), key: 'actions', width: 90, render: (_: unknown, p: Parameters) => (
        <Tooltip title={t('param.editYear', { year: p.year })}>
          <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('param.editYear', { year: p.year })} onClick={() => setDialog({ mode: 'edit', row: p })}>{t('param.edit')}</Button>
        </Tooltip>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader title={t('param.title')} subtitle={t('param.subtitle')}
        extra={mayEdit ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ mode: 'create' })}>{t('param.add')}</Button> : null} />
      <ReviewNav active="parameters" />
      {list.data && !mayEdit ? <Alert type="info" showIcon title={t('param.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Card size="small">
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<Parameters> aria-label={t('param.table')} data-testid="pr-parameters" rowKey="year" size="middle" columns={columns}
            dataSource={items} loading={list.isFetching} pagination={false} scroll={{ x: 1250 }}
            locale={{ emptyText: list.isPending ? ' ' : t('param.empty') }}
            expandable={{
              expandedRowRender: (p) => <DefaultsTable row={p} />,
              expandIcon: ({ expanded, onExpand, record }) => (
                <button type="button" className={`ant-table-row-expand-icon ${expanded ? 'ant-table-row-expand-icon-expanded' : 'ant-table-row-expand-icon-collapsed'}`}
                  aria-label={t(expanded ? 'param.hideDefaults' : 'param.showDefaults', { year: record.year })} aria-expanded={expanded} onClick={(e) => onExpand(record, e)} />
              ),
            }} />
        )}
      </Card>
      {dialog?.mode === 'create' ? (
        <ParametersDialog mode="create" year={nextYear} from={latest} taken={items.map((p) => p.year)} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.mode === 'edit' ? <ParametersDialog mode="edit" row={dialog.row} taken={[]} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

/** The default estimates of one year, shown under its row. */
function DefaultsTable({ row }: { row: Parameters }) {
  const t = useReviewT();
  const d = row.defaults;
  // The labels say the unit ("(giờ)"): the figures need not repeat it.
  const h = (n: number) => hours(n);
  const items: [string, string][] = [
    [t('field.informationHours'), h(d.informationHours)],
    [t('field.formHours'), h(d.formHours)],
    [t('field.documentHours'), h(d.documentHours)],
    [t('field.certifyHours'), h(d.certifyHours)],
    [t('field.certifyVndPerCopy'), vnd(d.certifyVndPerCopy)],
    [t('field.copyVndPerCopy'), vnd(d.copyVndPerCopy)],
    [t('field.travelHours'), h(d.travelHours)],
    [t('field.waitingHours'), h(d.waitingHours)],
    [t('field.travelVnd'), vnd(d.travelVnd)],
    [t('field.supplementHours'), h(d.supplementHours)],
  ];
  return (
    <dl className="mc-pr-defaults mc-pr-dl" aria-label={t('field.defaults')}>
      {items.map(([label, value]) => (
        <div key={label}><dt className="mc-pr-fact-label">{label}</dt><dd className="mc-pr-num">{value}</dd></div>
      ))}
    </dl>
  );
}
