import { App, Button, Popconfirm } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/api';
import { type OutboxMessage, RETRYABLE, useRetry } from './api';
import { useOutboxT } from './messages';

/** "Send again"; an uncertain message asks first, since it may already have reached its recipient. */
export function RetryButton({ item, size, onDone }: { item: OutboxMessage; size?: 'small'; onDone?: (m: OutboxMessage) => void }) {
  const t = useOutboxT();
  const { message } = App.useApp();
  const retry = useRetry();
  if (!RETRYABLE.includes(item.status)) return null;
  const run = () =>
    retry.mutate(item.id, {
      onSuccess: (m) => {
        message.success(t('retry.done'));
        onDone?.(m);
      },
      onError: (e) => message.error(errorMessage(e)),
    });
  const button = (
    <Button size={size} icon={<RedoOutlined />} loading={retry.isPending} onClick={item.status === 'uncertain' ? undefined : run}>
      {t('retry')}
    </Button>
  );
  return item.status === 'uncertain' ? (
    <Popconfirm title={t('retry.uncertainTitle')} description={t('retry.uncertainDesc')} onConfirm={run}>
      {button}
    </Popconfirm>
  ) : (
    button
  );
}
