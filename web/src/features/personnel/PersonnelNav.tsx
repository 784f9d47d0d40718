import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { usePersonnelT } from './i18n';
import { BOARD_PATH, CHANGES_PATH, EVALUATIONS_PATH, HR_ROLES, PERSONNEL_PATH, SCHEMES_PATH, STATS_PATH } from './paths';

/**
 * The personnel pages as one group: the side menu has a single "Nhân sự" entry, and this row leads to
 * each page of the group (the side menu is flat; six entries of one module would crowd it).
 */
export function PersonnelNav() {
  const t = usePersonnelT();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: PERSONNEL_PATH, label: t('nav.people') },
    { key: SCHEMES_PATH, label: t('nav.schemes') },
    { key: BOARD_PATH, label: t('nav.board') },
    ...(hasAnyRole(user, HR_ROLES) ? [{ key: CHANGES_PATH, label: t('nav.changes') }] : []),
    { key: EVALUATIONS_PATH, label: t('nav.evaluations') },
    { key: STATS_PATH, label: t('nav.stats') },
  ];
  // The longest path the location starts with; a person's page (/nhan-su/12) belongs to the people list.
  const selected = items.map((i) => i.key).filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={t('nav.label')} className="mc-hr-nav">
      <Menu mode="horizontal" selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)}
        items={items.map((i) => ({ key: i.key, label: <a href={i.key} onClick={(e) => e.preventDefault()}>{i.label}</a> }))} />
    </nav>
  );
}
