import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { ROLES } from '../../shared/auth/types';
import { defineModule } from '../../shared/module';
import { inspectionMessages } from './i18n';
import { planRoutes } from './plans';
import { reportRoutes } from './reports';
import { COMPLAINT_HANDLE_ROLES, COMPLAINT_READ_ROLES, DISCIPLINE_MANAGE_ROLES, INSPECTION_ROLES } from './paths';

/**
 * Inspection, complaints, denunciations and discipline (issue 18): one "Thanh tra, khiếu nại, tố cáo" entry
 * in the side menu leads to the group (InspectionNav links its pages). A discipline case's page is open to
 * everyone signed in, because the person under discipline reads their own case (without the council's
 * deliberations); the server decides per case and per action.
 */
export const inspectionModule = defineModule({
  id: 'inspection',
  pages: [
    {
      surface: 'staff',
      path: 'thanh-tra',
      roles: INSPECTION_ROLES,
      component: lazy(() => import('./InspectionHome')),
      menu: { label: inspectionMessages.label('menu.inspection'), icon: <AuditOutlined />, order: 49 },
    },
    { surface: 'staff', path: 'thanh-tra/don', roles: COMPLAINT_READ_ROLES, component: lazy(() => import('./cases/CasesPage')) },
    { surface: 'staff', path: 'thanh-tra/don/moi', roles: COMPLAINT_HANDLE_ROLES, component: lazy(() => import('./cases/ReceivePage')) },
    { surface: 'staff', path: 'thanh-tra/don/:id', roles: COMPLAINT_READ_ROLES, component: lazy(() => import('./cases/CasePage')) },
    { surface: 'staff', path: 'thanh-tra/ky-luat', roles: ROLES, component: lazy(() => import('./discipline/DisciplineListPage')) },
    { surface: 'staff', path: 'thanh-tra/ky-luat/moi', roles: DISCIPLINE_MANAGE_ROLES, component: lazy(() => import('./discipline/OpenDisciplinePage')) },
    { surface: 'staff', path: 'thanh-tra/ky-luat/:id', roles: ROLES, component: lazy(() => import('./discipline/DisciplinePage')) },
    // The report (staff, report.read) and the public summary on the portal (issue 18 scope 4).
    ...reportRoutes,
    // Inspection plans and inspections (issue 18 scope 1).
    ...planRoutes,
  ],
});
