import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type DocumentSummary, useBoard } from './api';
import { useDirectiveT } from './i18n';
import { MY_TASKS_PATH, REGISTER_PATH, documentPath } from './paths';
import { EmptyText } from './tags';
import './directives.css';

/** `/can-bo/chi-dao`: the leader's board — every tracked document with how far its tasks have got. */
export default function BoardPage() {
  const t = useDirectiveT();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'closed' ? 'closed' : 'active';
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const board = useBoard(status, q);
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  // Search as the user types, once they pause, so each key press is not a request.
  useEffect(() => {
    const timer = setTimeout(() => { if (typed.trim() !== q) update({ q: typed.trim() || undefined }); }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const columns: ColumnsType<DocumentSummary> = [
    { title: t('board.col.number'), key: 'number', width: 140, render: (_, d) => <Link to={documentPath(d.id)} style={{ fontWeight: 600 }}>{d.number}</Link> },
    { title: t('board.col.type'), dataIndex: 'docTypeLabel', width: 110 },
    { title: t('board.col.subject'), dataIndex: 'subject', render: (s: string) => <span style={{ overflowWrap: 'anywhere' }}>{s}</span> },
    { title: t('board.col.issuer'), dataIndex: 'issuer', width: 170 },
    { title: t('board.col.signedOn'), dataIndex: 'signedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: t('board.col.tasks'), key: 'total', width: 90, align: 'right', render: (_, d) => d.counts.total },
    { title: t('board.col.completed'), key: 'completed', width: 100, align: 'right', render: (_, d) => d.counts.completed },
    {
      title: t('board.col.overdue'), key: 'overdue', width: 90, align: 'right',
      render: (_, d) => (d.counts.overdue ? <Typography.Text type="danger" strong>{d.counts.overdue}</Typography.Text> : 0),
    },
    { title: t('board.col.rate'), key: 'rate', width: 90, align: 'right', render: (_, d) => (d.completionRate === null ? '—' : `${d.completionRate.toLocaleString('vi-VN')}%`) },
  ];

  return (
    <>
      <PageHeader
        title={t('board.title')}
        subtitle={t('board.subtitle')}
        extra={
          <>
            <Link to={MY_TASKS_PATH}><Button icon={<UnorderedListOutlined aria-hidden />}>{t('menu.myTasks')}</Button></Link>
            {board.data?.can.register ? <Link to={REGISTER_PATH}><Button type="primary" icon={<PlusOutlined aria-hidden />}>{t('board.register')}</Button></Link> : null}
          </>
        }
      />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search aria-label={t('board.search')} placeholder={t('board.searchPlaceholder')} allowClear value={typed}
            onChange={(e) => setTyped(e.target.value)} onSearch={(v) => update({ q: v.trim() || undefined })} style={{ flex: '1 1 320px', maxWidth: 480 }} />
          <Select aria-label={t('board.status')} value={status} style={{ width: 200 }}
            onChange={(v: string) => update({ status: v === 'closed' ? 'closed' : undefined })}
            options={[{ value: 'active', label: t('board.status.active') }, { value: 'closed', label: t('board.status.closed') }]} />
        </Flex>
        {board.isError ? <ErrorResult variant="inline" error={board.error} onRetry={() => void board.refetch()} /> : (
          <Table<DocumentSummary>
            aria-label={t('board.table')}
            data-testid="directive-board"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={board.data?.documents ?? []}
            loading={board.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <EmptyText>{q ? t('board.emptySearch', { q }) : t('board.empty')}</EmptyText> }}
          />
        )}
      </Card>
    </>
  );
}
