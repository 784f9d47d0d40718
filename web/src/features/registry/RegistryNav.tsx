import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useRegistryT } from './i18n';
import { FILES_PATH, INCOMING_PATH, MY_WORK_PATH, OUTGOING_PATH, REGISTERS_PATH } from './paths';
import './registry.css';

/**
 * The records-office pages as one group: the side menu has a single entry "Văn thư", and this row leads
 * to each page. Everyone with a registry role may open them all; the server shows each what they may see.
 */
export function RegistryNav() {
  const t = useRegistryT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: INCOMING_PATH, label: t('nav.incoming') },
    { key: OUTGOING_PATH, label: t('nav.outgoing') },
    { key: MY_WORK_PATH, label: t('nav.mine') },
    { key: REGISTERS_PATH, label: t('nav.registers') },
    { key: FILES_PATH, label: t('nav.files') },
  ];
  const selected = items.map((i) => i.key).find((k) => pathname === k || pathname.startsWith(`${k}/`));
  return (
    <nav aria-label={t('nav.label')} className="mc-reg-nav">
      <Menu mode="horizontal" disabledOverflow selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)}
        items={items.map((i) => ({ key: i.key, label: <a href={i.key} onClick={(e) => e.preventDefault()}>{i.label}</a> }))} />
    </nav>
  );
}
