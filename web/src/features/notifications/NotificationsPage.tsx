import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type StaffNotification, useMarkAllRead, useMarkRead, useMyNotifications, useUnreadCount } from './api';
import { type NotificationKey, useNotificationT } from './messages';

const KIND_COLOURS: Record<string, string> = { step_overdue: 'orange', near_due: 'gold', overdue_digest: 'red' };

function NotificationCard({ item }: { item: StaffNotification }) {
  const t = useNotificationT();
  const { message } = App.useApp();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = !item.readAt;
  const kind = item.kind in KIND_COLOURS ? t(`kind.${item.kind}` as NotificationKey) : item.kind;
  const read = () => markRead.mutate(item.id, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Card
      size="small"
      data-testid="notification"
      data-unread={unread}
      // An unread notification is marked by a bar at its start, not by colour alone (the tag says it too).
      style={unread ? { borderInlineStart: '4px solid #1d3f72' } : undefined}
    >
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Tag color={KIND_COLOURS[item.kind] ?? 'default'}>{kind}</Tag>
            {unread ? <Tag color="blue">{t('unreadTag')}</Tag> : null}
            <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
          </Flex>
          <Typography.Text strong={unread}>{item.title}</Typography.Text>
          <Typography.Paragraph
            type="secondary"
            style={{ whiteSpace: 'pre-line', marginBottom: 0 }}
            ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded) => t(expanded ? 'showLess' : 'showMore') }}
          >
            {item.body}
          </Typography.Paragraph>
          {item.readAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('readAt', { at: formatDateTime(item.readAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8} wrap>
          {item.link ? (
            <Button
              icon={<RightOutlined />}
              onClick={() => {
                // Opening what it is about is reading it.
                if (unread) read();
                navigate(item.link!);
              }}
            >
              {t(item.reference ? 'open' : 'openList')}
            </Button>
          ) : null}
          {unread ? (
            <Button icon={<CheckOutlined />} loading={markRead.isPending} onClick={read}>
              {t('markRead')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

export default function NotificationsPage() {
  const t = useNotificationT();
  const ts = useT();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useMyNotifications(filter === 'unread');
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = unread.data ?? list.data?.pages[0]?.unreadCount ?? 0;

  const markAllRead = () =>
    markAll.mutate(undefined, {
      onSuccess: (r) => message.success(t('markedAll', { n: r.marked })),
      onError: (e) => message.error(errorMessage(e)),
    });

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button icon={<CheckOutlined />} disabled={unreadCount === 0} loading={markAll.isPending} onClick={markAllRead}>
            {t('markAllRead')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        options={[
          { value: 'all', label: t('filter.all') },
          { value: 'unread', label: t('filter.unread', { n: unreadCount }) },
        ]}
      />
      {list.isError ? (
        <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Card>
          <Empty description={t(filter === 'unread' ? 'emptyUnread' : 'empty')} />
        </Card>
      ) : (
        <Flex vertical gap={8} data-testid="notification-list">
          {rows.map((item) => (
            <NotificationCard key={item.id} item={item} />
          ))}
          {list.hasNextPage ? (
            <Flex justify="center">
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {ts('action.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      )}
    </>
  );
}
