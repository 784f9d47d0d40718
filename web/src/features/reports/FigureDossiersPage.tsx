import { Link, useSearchParams } from 'react-router-dom';
import { Button, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type BehindDossier, type GroupBy, type Ii06aColumn, useIi06aDossiers } from './api';
import { useReportsT } from './messages';

const GROUP_LABEL: Record<string, 'col.received' | 'col.completed' | 'col.inProgress' | null> = { received: 'col.received', completed: 'col.completed', inProgress: 'col.inProgress' };
const COLUMN_LABEL: Record<string, Parameters<ReturnType<typeof useReportsT>>[0]> = {
  total: 'col.total', online: 'col.online', direct: 'col.direct', carriedOver: 'col.carriedOver', early: 'col.early', onTime: 'col.onTime',
  late: 'col.late', withinDeadline: 'col.within', overdue: 'col.overdue', awaitingSupplement: 'col.awaiting', withdrawn: 'col.withdrawn',
};

/** Staff: the dossiers behind one figure of form II.06a, each opening its dossier page. */
export default function FigureDossiersPage() {
  const t = useReportsT();
  const [params, setParams] = useSearchParams();
  const column = params.get('column') as Ii06aColumn | null;
  const page = Number(params.get('trang') ?? '1') || 1;
  const from = params.get('from');
  const to = params.get('to');
  const q = from && to && column ? {
    from, to, column, groupBy: (params.get('groupBy') ?? 'unit') as GroupBy, page, limit: 50,
    ...(params.get('unit') ? { unit: params.get('unit')! } : {}), ...(params.get('key') ? { key: params.get('key')! } : {}),
  } : null;
  const list = useIi06aDossiers(q);
  const data = list.data;

  const [group, col] = (column ?? '').includes('.') ? (column ?? '').split('.') : [null, column ?? ''];
  const groupKey = group ? GROUP_LABEL[group] : null;
  const columnName = [groupKey ? t(groupKey) : null, COLUMN_LABEL[col ?? ''] ? t(COLUMN_LABEL[col ?? '']!) : col].filter(Boolean).join(' — ');
  const back = `/can-bo/bao-cao?${new URLSearchParams(Object.fromEntries(['from', 'to', 'unit', 'groupBy'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])))).toString()}`;

  const columns: ColumnsType<BehindDossier> = [
    { title: t('behind.code'), dataIndex: 'code', render: (code: string) => <Link to={`/can-bo/ho-so/${encodeURIComponent(code)}`} className="mc-code">{code}</Link> },
    { title: t('behind.procedure'), dataIndex: 'procedureName' },
    { title: t('behind.unit'), dataIndex: 'unitName' },
    { title: t('behind.channel'), dataIndex: 'channel', render: (c: string) => (c === 'online' ? t('behind.online') : t('behind.direct')) },
    { title: t('behind.receivedAt'), dataIndex: 'receivedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('behind.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    { title: t('behind.completedAt'), dataIndex: 'completedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
  ];

  return (
    <>
      <PageHeader title={t('behind.title')} subtitle={data ? t('behind.subtitle', {
        column: columnName, row: params.get('key') ?? t('behind.allRows'), period: data.period.label.vi, from: formatDate(data.period.from), to: formatDate(data.period.to),
      }) : undefined} extra={<Link to={back}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('behind.back')}</Button></Link>} />
      {data ? <Typography.Paragraph strong data-testid="behind-total">{t('behind.count', { n: data.total.toLocaleString('vi-VN') })}</Typography.Paragraph> : null}
      {list.isError ? <ErrorResult error={list.error} /> : (
        <Table<BehindDossier> rowKey="code" size="small" loading={list.isLoading} columns={columns} dataSource={data?.items ?? []} scroll={{ x: 900 }}
          onRow={(x) => ({ 'data-code': x.code } as React.HTMLAttributes<HTMLElement>)}
          pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => setParams((cur) => { const next = new URLSearchParams(cur); next.set('trang', String(p)); return next; }) }} />
      )}
    </>
  );
}
