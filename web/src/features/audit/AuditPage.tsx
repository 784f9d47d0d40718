import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type AuditEvent, type AuditFilters, useAuditLog } from './api';
import { AuditFilterBar } from './AuditFilterBar';
import { useAuditT } from './messages';
import './audit.css';

const hasChanges = (e: AuditEvent) => e.summary?.before !== undefined || e.summary?.after !== undefined;

/** The recorded values, as stored: the log keeps them verbatim so an inspector can compare. */
function Changes({ event }: { event: AuditEvent }) {
  const t = useAuditT();
  const show = (v: unknown) => <pre className="mc-audit-json">{JSON.stringify(v, null, 2)}</pre>;
  return (
    <Descriptions size="small" column={1} bordered>
      {event.summary?.before !== undefined ? <Descriptions.Item label={t('detail.before')}>{show(event.summary.before)}</Descriptions.Item> : null}
      {event.summary?.after !== undefined ? <Descriptions.Item label={t('detail.after')}>{show(event.summary.after)}</Descriptions.Item> : null}
    </Descriptions>
  );
}

export default function AuditPage() {
  const t = useAuditT();
  const ts = useT();
  const locale = useLocale();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: ColumnsType<AuditEvent> = [
    { title: t('col.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
    { title: t('col.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('system') },
    { title: t('col.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    { title: t('col.action'), key: 'action', render: (_, e) => <Tag>{e.actionLabel[locale]}</Tag> },
    { title: t('col.entity'), key: 'entity', render: (_, e) => e.object[locale] },
    { title: t('col.summary'), key: 'summary', render: (_, e) => e.summary?.note ?? '' },
    { title: t('col.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: t('col.requestId'),
      dataIndex: 'requestId',
      render: (v: string | null) =>
        v ? (
          <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }} code>
            {v.slice(0, 8)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small">
        <AuditFilterBar onChange={setFilters} />
        {log.isError ? (
          <ErrorResult variant="inline" error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <>
            <Table<AuditEvent>
              data-testid="audit-table"
              rowKey={(e) => String(e.id)}
              columns={columns}
              dataSource={rows}
              loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
              locale={{ emptyText: t('empty') }}
              scroll={{ x: 'max-content' }}
              pagination={false}
              size="small"
              expandable={{ rowExpandable: hasChanges, expandedRowRender: (e) => <Changes event={e} /> }}
            />
            <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
              <Typography.Text type="secondary">{t('shown', { n: rows.length })}</Typography.Text>
              {log.hasNextPage ? (
                <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  {ts('action.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
