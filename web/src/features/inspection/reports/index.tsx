import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../../shared/module';
import { inspectionReportMessages, inspectionSummaryMessages } from './i18n';
import { REPORT_ROLES } from './paths';

export { INSPECTION_REPORT_PATH, INSPECTION_SUMMARY_PATH, REPORT_ROLES } from './paths';

export const InspectionReportPage = lazy(() => import('./ReportPage'));
export const PublicSummaryPage = lazy(() => import('./public/PublicSummaryPage'));

/**
 * The inspection report (issue 18 scope 4), spread into the inspection module's pages: the staff report
 * for report.read holders (the server answers 404 for a unit outside their reach), and the public summary
 * on the portal, for anyone.
 */
export const reportRoutes: PageDefinition[] = [
  {
    surface: 'staff',
    path: 'thanh-tra/bao-cao',
    roles: REPORT_ROLES,
    component: InspectionReportPage,
    menu: { label: inspectionReportMessages.label('menu.report'), icon: <FundOutlined />, order: 67 },
  },
  {
    surface: 'public',
    path: 'ket-qua-khieu-nai-to-cao',
    component: PublicSummaryPage,
    menu: { label: inspectionSummaryMessages.label('menu.summary'), order: 46 },
  },
];
