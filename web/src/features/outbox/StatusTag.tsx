import { Tag } from 'antd';
import type { OutboxStatus } from './api';
import { useOutboxT } from './messages';

export const STATUS_COLOURS: Record<OutboxStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  uncertain: 'orange',
  not_sent: 'default',
};

export function OutboxStatusTag({ status }: { status: OutboxStatus }) {
  const t = useOutboxT();
  // Long labels wrap inside a narrow column instead of pushing the row's actions out of view.
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
