import { Button, Card, Checkbox, Flex, Grid, List, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type FeedbackStatus, type InboxFilter, type InboxItem, STATUSES, useInbox, useStaffCategories } from '../api';
import { useFeedbackT } from '../i18n';
import { FEEDBACK_HANDLE_ROLES, RECORD_PATH, feedbackPath } from '../roles';
import { ConductTag, DueDate, FeedbackStatusTag, dueState } from '../tags';
import '../feedback.css';

function useFilter(): [InboxFilter, (patch: Partial<Record<'status' | 'category' | 'conduct' | 'mine' | 'overdue', string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filter: InboxFilter = {
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as FeedbackStatus) : undefined,
    categoryCode: params.get('category') || undefined,
    conduct: params.get('conduct') === '1' || undefined,
    assignee: params.get('mine') === '1' ? 'me' : undefined,
    overdue: params.get('overdue') === '1' || undefined,
  };
  const update = (patch: Partial<Record<string, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  return [filter, update];
}

function Title({ item }: { item: InboxItem }) {
  return (
    <>
      <Flex gap={6} wrap align="center">
        <Link to={feedbackPath(item.code)} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{item.code}</Link>
        {item.conduct ? <ConductTag /> : null}
      </Flex>
      <div style={{ overflowWrap: 'anywhere' }}>{item.title}</div>
    </>
  );
}

/** `/can-bo/phan-anh`: the feedback the caller's grants reach, with filters and keyset paging. */
export default function InboxPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const { user } = useAuth();
  const wide = Grid.useBreakpoint().md ?? true;
  const [filter, update] = useFilter();
  const list = useInbox(filter);
  const categories = useStaffCategories();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const rowClass = (i: InboxItem) => [i.conduct ? 'mc-fb-row-conduct' : '', dueState(i) === 'overdue' ? 'mc-fb-row-overdue' : ''].join(' ');
  const columns: ColumnsType<InboxItem> = [
    { title: t('inbox.col.item'), key: 'item', render: (_, i) => <Title item={i} /> },
    { title: t('inbox.col.unit'), dataIndex: 'unitName', width: 200 },
    { title: t('inbox.col.assignee'), key: 'assignee', width: 170, render: (_, i) => i.assignee?.fullName ?? <Typography.Text type="secondary">{t('inbox.unassigned')}</Typography.Text> },
    { title: t('inbox.col.received'), dataIndex: 'receivedAt', width: 110, render: (v: string) => formatDate(v) },
    { title: t('inbox.col.due'), key: 'due', width: 150, render: (_, i) => <DueDate item={i} /> },
    { title: t('inbox.col.status'), dataIndex: 'status', width: 170, render: (s: FeedbackStatus) => <FeedbackStatusTag status={s} /> },
  ];
  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        extra={hasAnyRole(user, FEEDBACK_HANDLE_ROLES) ? <Link to={RECORD_PATH}><Button type="primary" icon={<PlusOutlined aria-hidden />}>{t('menu.record')}</Button></Link> : null}
      />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select aria-label={t('inbox.status')} value={filter.status ?? ''} style={{ flex: '0 1 240px', minWidth: 180 }}
            onChange={(v: string) => update({ status: v || undefined })}
            options={[{ value: '', label: t('inbox.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <Select aria-label={t('inbox.category')} value={filter.categoryCode ?? ''} style={{ flex: '0 1 280px', minWidth: 180 }}
            onChange={(v: string) => update({ category: v || undefined })}
            options={[{ value: '', label: t('inbox.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name[locale] }))]} />
          <Checkbox checked={Boolean(filter.conduct)} onChange={(e) => update({ conduct: e.target.checked ? '1' : undefined })}>{t('inbox.conduct')}</Checkbox>
          <Checkbox checked={filter.assignee === 'me'} onChange={(e) => update({ mine: e.target.checked ? '1' : undefined })}>{t('inbox.mine')}</Checkbox>
          <Checkbox checked={Boolean(filter.overdue)} onChange={(e) => update({ overdue: e.target.checked ? '1' : undefined })}>{t('inbox.overdue')}</Checkbox>
        </Flex>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : wide ? (
          <Table<InboxItem>
            aria-label={t('inbox.table')}
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            pagination={false}
            tableLayout="fixed"
            rowClassName={rowClass}
            onRow={(i) => ({ 'data-code': i.code, 'data-conduct': String(i.conduct) }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('inbox.empty') }}
          />
        ) : (
          <List<InboxItem>
            aria-label={t('inbox.table')}
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: t('inbox.empty') }}
            renderItem={(i) => (
              <List.Item key={i.code} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
                <Card size="small" style={{ width: '100%' }} className={rowClass(i)} data-code={i.code}>
                  <Title item={i} />
                  <Flex gap={6} wrap style={{ marginTop: 6 }}><FeedbackStatusTag status={i.status} /></Flex>
                  <Typography.Text type="secondary">{i.unitName} · {i.assignee?.fullName ?? t('inbox.unassigned')}</Typography.Text>
                  <div>{t('inbox.col.due')}: <DueDate item={i} /></div>
                </Card>
              </List.Item>
            )}
          />
        )}
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" aria-live="polite">{items.length ? t('inbox.shown', { n: items.length, total }) : null}</Typography.Text>
          {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('inbox.more')}</Button> : null}
        </Flex>
      </Card>
    </>
  );
}
