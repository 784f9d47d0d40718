import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';

/** The reform budget (Directive 16 item 7e; issue 20 scope 5): budget lines per unit and year, and the yearly summary. */
export const reformBudgetModule = defineModule({
  id: 'reform-budget',
  pages: [
    {
      surface: 'staff',
      path: 'kinh-phi-cchc',
      roles: ['admin', 'unit_head', 'specialist', 'auditor'],
      component: lazy(() => import('./BudgetPage')),
      menu: { label: (locale) => (locale === 'en' ? 'Reform budget' : 'Kinh phí CCHC'), icon: <FundOutlined />, order: 45 },
    },
  ],
});
