import { lazy } from 'react';
import { BarChartOutlined, DashboardOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { dashboardMessages } from './dashboard.messages';
import { reportMessages } from './messages';
import { serviceIndexMessages } from './service-index.messages';

/** Statistics and statutory reports (issue 13): form II.06a for a unit subtree and a period. */
export const reportsModule = defineModule({
  id: 'reports',
  pages: [
    {
      // The leaders' dashboard (and a unit head's: the unit's queues beside its figures).
      surface: 'staff',
      path: 'bao-cao/bang-dieu-hanh',
      roles: ['unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./DashboardPage')),
      menu: { label: dashboardMessages.label('menu.dashboard'), icon: <DashboardOutlined />, order: 64 },
    },
    {
      // The published figures of the province and each unit, for anyone.
      surface: 'public',
      path: 'thong-ke',
      component: lazy(() => import('./PublicStatisticsPage')),
      menu: { label: dashboardMessages.label('menu.public'), order: 40 },
    },
    {
      surface: 'staff',
      path: 'bao-cao',
      // The roles holding report.read (src/platform/access/policy.ts).
      roles: ['unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./ReportsPage')),
      menu: { label: reportMessages.label('menu.reports'), icon: <BarChartOutlined />, order: 65 },
    },
    {
      // The dossiers behind a figure of II.06a (reached from the report's figures and chart; no menu entry).
      surface: 'staff',
      path: 'bao-cao/ho-so',
      roles: ['unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./FigureDossiersPage')),
    },
    {
      // The Decision 766 service index (docs/reports.md "Chỉ số phục vụ"), for report.read holders.
      surface: 'staff',
      path: 'bao-cao/chi-so-phuc-vu',
      roles: ['unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./ServiceIndexPage')),
      menu: { label: serviceIndexMessages.label('menu.index'), icon: <BarChartOutlined />, order: 66 },
    },
    {
      // The index's versions (report.manage: administrators).
      surface: 'admin',
      path: 'chi-so-phuc-vu',
      roles: ['admin'],
      component: lazy(() => import('./ServiceIndexVersionsPage')),
      menu: { label: serviceIndexMessages.label('menu.versions'), icon: <BarChartOutlined />, order: 66 },
    },
  ],
});
