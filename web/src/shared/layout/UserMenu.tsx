import { Avatar, Button, Dropdown, Grid, type MenuProps, Typography, App } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH, useAuth } from '../auth';
import { useT } from '../i18n';

function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return (words[words.length - 1]?.[0] ?? '?').toUpperCase();
}

export function UserMenu() {
  const t = useT();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  if (!user) return null;

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{user.unit?.name ?? user.username}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
    if (key === 'logout') {
      try {
        await logout();
      } finally {
        message.success(t('user.signedOut'));
        navigate('/');
      }
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('user.menu')} style={{ height: 44, paddingInline: 6 }}>
        <Avatar size={32} style={{ background: '#1d3f72' }} icon={user.fullName ? undefined : <UserOutlined />}>
          {initials(user.fullName)}
        </Avatar>
        {screens.md ? <span style={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.fullName}</span> : null}
      </Button>
    </Dropdown>
  );
}
