import { useState } from 'react';
import { Button, Flex, Input, Radio, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { OUTBOX_STATUSES, type OutboxFilters, type OutboxMessage, type OutboxStatus, useOutbox, useOutboxCounts } from './api';
import { MessageDrawer } from './MessageDrawer';
import { useOutboxT } from './messages';
import { RetryButton } from './RetryButton';
import { OutboxStatusTag } from './StatusTag';

/** Failed and uncertain first: they are what an administrator comes here for. */
const FILTER_ORDER: readonly OutboxStatus[] = ['failed', 'uncertain', 'not_sent', 'pending', 'sending', 'sent'];

export function MessagesTab() {
  const t = useOutboxT();
  const ts = useT();
  const [filters, setFilters] = useState<OutboxFilters>({});
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const list = useOutbox(filters);
  const counts = useOutboxCounts();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = counts.data ? OUTBOX_STATUSES.reduce((n, s) => n + counts.data[s], 0) : null;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

  // Few columns, so status and the retry button stay in view at 1366 px without scrolling sideways.
  const columns: ColumnsType<OutboxMessage> = [
    { title: t('col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    {
      title: t('col.recipient'),
      key: 'recipient',
      width: 230,
      render: (_, m) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <span>
            <Tag bordered={false}>{t(`channel.${m.channel}`)}</Tag>
            {m.recipientName ?? ''}
          </span>
          <Typography.Text type="secondary" ellipsis={{ tooltip: m.recipient }} style={{ fontSize: 12 }}>
            {m.recipient}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.subject'),
      key: 'subject',
      render: (_, m) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: m.subject ?? m.body }}>
            {m.subject ?? m.body}
          </Typography.Text>
          {m.reference ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('col.reference')}: {m.reference}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('col.status'),
      key: 'status',
      width: 200,
      render: (_, m) => (
        <Flex vertical align="flex-start" gap={2}>
          <OutboxStatusTag status={m.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('col.attempts')}: {m.attempts}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.actions'),
      key: 'actions',
      width: 120,
      render: (_, m) => (
        <Flex gap={4} vertical align="flex-start">
          <Button size="small" onClick={() => setOpen(m)}>
            {t('detail')}
          </Button>
          <RetryButton item={m} size="small" />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label={t('filter.status')}
          optionType="button"
          value={filters.status ?? 'all'}
          onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value === 'all' ? undefined : (e.target.value as OutboxStatus) }))}
          options={[
            { value: 'all', label: t('filter.all', { n: total ?? '…' }) },
            ...FILTER_ORDER.map((s) => ({ value: s, label: `${t(`status.${s}`)}${count(counts.data?.[s])}` })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('filter.reference')}
          aria-label={t('filter.reference')}
          style={{ width: 260 }}
          onSearch={(v) => setFilters((f) => ({ ...f, reference: v.trim() || undefined }))}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<OutboxMessage>
            data-testid="outbox-table"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            locale={{ emptyText: t('empty') }}
            tableLayout="fixed"
            pagination={false}
            size="small"
            onRow={(m) => ({ onDoubleClick: () => setOpen(m) })}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
            <Typography.Text type="secondary">{t('shown', { n: rows.length })}</Typography.Text>
            {list.hasNextPage ? (
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {ts('action.loadMore')}
              </Button>
            ) : null}
          </Flex>
        </>
      )}
      <MessageDrawer item={open} onClose={() => setOpen(null)} onChange={setOpen} />
    </>
  );
}
