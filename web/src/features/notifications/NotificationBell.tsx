import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { NOTIFICATIONS_PATH, useUnreadCount } from './api';
import { useNotificationT } from './messages';

/** The bell in the workspace header: the unread count, and a way to the notifications page. */
export function NotificationBell() {
  const t = useNotificationT();
  const unread = useUnreadCount();
  const n = unread.data ?? 0;
  const label = n > 0 ? t('bell.unread', { n }) : t('bell.none');
  return (
    <Tooltip title={label}>
      <Link to={NOTIFICATIONS_PATH} aria-label={label} data-testid="notification-bell" data-unread={n}>
        <Badge count={n} overflowCount={99} size="small" offset={[-4, 4]}>
          <Button type="text" tabIndex={-1} icon={<BellOutlined style={{ fontSize: 18 }} />} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
