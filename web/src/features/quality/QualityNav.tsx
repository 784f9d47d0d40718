import { Menu, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSystem } from './api';
import { useQualityT } from './i18n';
import {
  QUALITY_PATH, auditsPath, documentsPath, nonconformitiesPath, objectivesPath, processesPath, proposalsPath, reviewsPath, systemPath,
} from './paths';
import './quality.css';

export type QualityPage = 'home' | 'objectives' | 'processes' | 'documents' | 'audits' | 'nonconformities' | 'proposals' | 'reviews';

/**
 * The pages of one QMS as a row of tabs, shared by every per-QMS page. A record's own page (a document,
 * an audit, a nonconformity) names its list with `active`, since its address is outside the QMS's.
 * Above it, the way back to the list of systems and the agency's name.
 */
export function QualityNav({ qmsId, active }: { qmsId: number; active?: QualityPage }) {
  const t = useQualityT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const system = useSystem(qmsId);
  const items: { page: QualityPage; key: string; label: string }[] = [
    { page: 'home', key: systemPath(qmsId), label: t('nav.home') },
    { page: 'objectives', key: objectivesPath(qmsId), label: t('nav.objectives') },
    { page: 'processes', key: processesPath(qmsId), label: t('nav.processes') },
    { page: 'documents', key: documentsPath(qmsId), label: t('nav.documents') },
    { page: 'audits', key: auditsPath(qmsId), label: t('nav.audits') },
    { page: 'nonconformities', key: nonconformitiesPath(qmsId), label: t('nav.nonconformities') },
    { page: 'proposals', key: proposalsPath(qmsId), label: t('nav.proposals') },
    { page: 'reviews', key: reviewsPath(qmsId), label: t('nav.reviews') },
  ];
  // The home's address starts every other one: it is selected only on itself.
  const selected = active ? items.find((i) => i.page === active)?.key
    : items.slice(1).find((i) => pathname === i.key || pathname.startsWith(`${i.key}/`))?.key ?? (pathname === items[0]!.key ? items[0]!.key : undefined);
  return (
    <nav aria-label={t('nav.label')} className="mc-qms-nav">
      <Typography.Text type="secondary" className="mc-qms-crumb">
        <Link to={QUALITY_PATH}>{t('home.title')}</Link>
        {system.data ? <> › {system.data.agencyName}</> : null}
      </Typography.Text>
      <Menu mode="horizontal" disabledOverflow selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)}
        items={items.map((i) => ({ key: i.key, label: <a href={i.key} onClick={(e) => e.preventDefault()}>{i.label}</a> }))} />
    </nav>
  );
}
