import { lazy } from 'react';
import { BarChartOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { reportMessages } from './messages';

/** Statistics and statutory reports (issue 13): form II.06a for a unit subtree and a period. */
export const reportsModule = defineModule({
  id: 'reports',
  pages: [
    {
      surface: 'staff',
      path: 'bao-cao',
      // The roles holding report.read (src/platform/access/policy.ts).
      roles: ['unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./ReportsPage')),
      menu: { label: reportMessages.label('menu.reports'), icon: <BarChartOutlined />, order: 65 },
    },
  ],
});
