import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useReviewT } from './i18n';
import { REVIEW_PATH, parametersPath, plansPath, reviewPlansPath, reviewsPath } from './paths';
import './procedure-review.css';

export type ReviewNavPage = 'ranking' | 'reviews' | 'plans' | 'reviewPlans' | 'parameters';

/**
 * The module's pages as a row of tabs, on every page of it. The ranking's address starts every other one,
 * so it is selected only on itself and on a procedure's cost page; a page may name its tab with `active`.
 */
export function ReviewNav({ active }: { active?: ReviewNavPage }) {
  const t = useReviewT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items: { page: ReviewNavPage; key: string; label: string }[] = [
    { page: 'ranking', key: REVIEW_PATH, label: t('nav.ranking') },
    { page: 'reviews', key: reviewsPath, label: t('nav.reviews') },
    { page: 'plans', key: plansPath, label: t('nav.plans') },
    { page: 'reviewPlans', key: reviewPlansPath, label: t('nav.reviewPlans') },
    { page: 'parameters', key: parametersPath, label: t('nav.parameters') },
  ];
  const selected = active ? items.find((i) => i.page === active)?.key
    : items.slice(1).find((i) => pathname === i.key || pathname.startsWith(`${i.key}/`))?.key ?? REVIEW_PATH;
  return (
    <nav aria-label={t('nav.label')} className="mc-pr-nav">
      <Menu mode="horizontal" disabledOverflow selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)}
        items={items.map((i) => ({ key: i.key, label: <a href={i.key} onClick={(e) => e.preventDefault()}>{i.label}</a> }))} />
    </nav>
  );
}
