import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { useInspectionT } from './i18n';
import { CASES_PATH, COMPLAINT_READ_ROLES, DISCIPLINE_PATH } from './paths';
import { INSPECTIONS_PATH, PLAN_READ_ROLES, PLANS_PATH, plansMessages } from './plans';

/**
 * The inspection pages as one group: the side menu has a single entry, and this row leads to each page
 * the user may read. A person under discipline without discipline rights still opens their own case by
 * its address (it is in their list too).
 */
export function InspectionNav() {
  const t = useInspectionT();
  const tp = plansMessages.useT();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    ...(hasAnyRole(user, COMPLAINT_READ_ROLES) ? [{ key: CASES_PATH, label: t('nav.cases') }] : []),
    { key: DISCIPLINE_PATH, label: t('nav.discipline') },
    ...(hasAnyRole(user, PLAN_READ_ROLES) ? [{ key: PLANS_PATH, label: tp('nav.plans') }] : []),
    { key: INSPECTIONS_PATH, label: tp('nav.inspections') },
  ];
  const selected = items.map((i) => i.key).filter((k) => pathname === k || pathname.startsWith(`${k}/`))[0];
  if (items.length < 2) return null;
  return (
    <nav aria-label={t('nav.label')} className="mc-insp-nav">
      <Menu mode="horizontal" selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)}
        items={items.map((i) => ({ key: i.key, label: <a href={i.key} onClick={(e) => e.preventDefault()}>{i.label}</a> }))} />
    </nav>
  );
}
