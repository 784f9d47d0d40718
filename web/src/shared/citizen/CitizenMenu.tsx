import { Button, Dropdown, message } from 'antd';
import { DownOutlined, IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api';
import { useCitizenT } from './messages';
import { CITIZEN_QUERY_KEY, citizenSignInUrl, useCitizen } from './useCitizen';

export const CITIZEN_ACCOUNT_PATH = '/cong-dan/tai-khoan';
export const CITIZEN_DOSSIERS_PATH = '/cong-dan/ho-so';

/**
 * The portal header's citizen entry: "Đăng nhập VNeID" for a visitor (back to this page after the
 * e-ID sign-in), else the citizen's name with their account, dossiers and sign-out. On a phone the
 * name is cut short by CSS and the button keeps its full accessible name.
 */
export function CitizenMenu({ compact }: { compact: boolean }) {
  const t = useCitizenT();
  const citizen = useCitizen();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (citizen.isPending || citizen.isError) return null;
  if (!citizen.data) {
    return (
      <Button icon={<IdcardOutlined />} href={citizenSignInUrl(`${location.pathname}${location.search}`)} aria-label={t('header.signIn')}>
        {compact ? t('header.signInShort') : t('header.signIn')}
      </Button>
    );
  }
  const signOut = async () => {
    try {
      await api.post('/citizen/logout');
    } catch {
      void message.error(t('signOut.failed'));
      return;
    }
    queryClient.setQueryData(CITIZEN_QUERY_KEY, null);
    navigate('/');
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', label: t('menu.account'), onClick: () => navigate(CITIZEN_ACCOUNT_PATH) },
          { key: 'dossiers', label: t('menu.dossiers'), onClick: () => navigate(CITIZEN_DOSSIERS_PATH) },
          { type: 'divider' },
          { key: 'signOut', label: t('signOut'), onClick: () => void signOut() },
        ],
      }}
    >
      <Button icon={<UserOutlined />} aria-label={t('header.menu', { name: citizen.data.fullName })}>
        <span className="mc-citizen-name">{citizen.data.fullName}</span>
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
