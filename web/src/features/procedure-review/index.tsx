import { lazy } from 'react';
import { ScissorOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { REVIEW_ROLES } from './paths';

const page = (path: string, component: Parameters<typeof lazy>[0]) =>
  ({ surface: 'staff' as const, path: `ra-soat-tthc/${path}`, roles: REVIEW_ROLES, component: lazy(component) });

/**
 * Reviewing and simplifying procedures (issue 21): where to look first (the ranking by compliance cost),
 * a procedure's cost sheet, review forms, yearly review plans, simplification plans and the parameters.
 */
export const procedureReviewModule = defineModule({
  id: 'procedure-review',
  pages: [
    {
      surface: 'staff',
      path: 'ra-soat-tthc',
      roles: REVIEW_ROLES,
      component: lazy(() => import('./RankingPage')),
      menu: { label: (locale) => (locale === 'en' ? 'Procedure review' : 'Rà soát, đơn giản hóa TTHC'), icon: <ScissorOutlined />, order: 46 },
    },
    page('thu-tuc/:code', () => import('./ProcedureCostPage')),
    page('phieu', () => import('./ReviewsPage')),
    page('phieu/:id', () => import('./ReviewPage')),
    page('phuong-an', () => import('./PlansPage')),
    page('phuong-an/:id', () => import('./PlanPage')),
    page('ke-hoach', () => import('./ReviewPlansPage')),
    page('ke-hoach/:id', () => import('./ReviewPlanPage')),
    page('tham-so', () => import('./ParametersPage')),
  ],
});
