import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { NOTIFICATIONS_PATH, useUnreadCount } from './api';
import { useNotificationT } from './messages';

/** The bell in the workspace header: the unread count, and a way to the notifications page. */
export function NotificationBell() {
  const t = useNotificationT();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const n = unread.data ?? 0;
  const label = n > 0 ? t('bell.unread', { n }) : t('bell.none');
  return (
    <Tooltip title={label}>
      <Badge count={n} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={label}
          data-testid="notification-bell"
          data-unread={n}
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate(NOTIFICATIONS_PATH)}
        />
      </Badge>
    </Tooltip>
  );
}
