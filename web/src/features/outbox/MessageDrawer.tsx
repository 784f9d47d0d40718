import { Descriptions, Drawer, Grid, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import type { OutboxMessage } from './api';
import { useOutboxT } from './messages';
import { RetryButton } from './RetryButton';
import { OutboxStatusTag } from './StatusTag';

/** Everything about one message: its text as sent, and why it has not gone if it has not. */
export function MessageDrawer({ item, onClose, onChange }: { item: OutboxMessage | null; onClose: () => void; onChange: (m: OutboxMessage) => void }) {
  const t = useOutboxT();
  const screens = Grid.useBreakpoint();
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={item ? t('detail.title', { id: item.id }) : ''}
      extra={item ? <RetryButton item={item} onDone={onChange} /> : null}
    >
      {item ? (
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={t('col.status')}>
            <OutboxStatusTag status={item.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('col.channel')}>{t(`channel.${item.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('col.recipient')}>
            {item.recipientName ? `${item.recipientName} — ` : ''}
            {item.recipient}
          </Descriptions.Item>
          <Descriptions.Item label={t('col.reference')}>{dash(item.reference)}</Descriptions.Item>
          <Descriptions.Item label={t('col.createdAt')}>{formatDateTime(item.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('col.attempts')}>{item.attempts}</Descriptions.Item>
          {item.nextAttemptAt ? <Descriptions.Item label={t('detail.nextAttempt')}>{formatDateTime(item.nextAttemptAt)}</Descriptions.Item> : null}
          {item.sentAt ? <Descriptions.Item label={t('detail.sentAt')}>{formatDateTime(item.sentAt)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('detail.lastError')}>
            {item.lastError ? <Typography.Text type="danger">{item.lastError}</Typography.Text> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.provider')}>{dash(item.provider)}</Descriptions.Item>
          {item.providerMessageId ? <Descriptions.Item label={t('detail.providerId')}>{item.providerMessageId}</Descriptions.Item> : null}
          <Descriptions.Item label={t('detail.template')}>{dash(item.templateKey)}</Descriptions.Item>
          {item.subject ? <Descriptions.Item label={t('detail.subject')}>{item.subject}</Descriptions.Item> : null}
          <Descriptions.Item label={t('detail.body')}>
            <div data-testid="outbox-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.body}
            </div>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
