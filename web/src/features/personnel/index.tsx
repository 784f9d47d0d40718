import { lazy } from 'react';
import { IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { personnelMessages } from './i18n';
import { MY_RECORD_ROLES, PERSONNEL_ROLES } from './paths';

const label = personnelMessages.label;

/**
 * Personnel (issue 17): job-position schemes, the placement board, civil-servant records with their
 * changes, movements, roles and views, the annual evaluation and the staffing statistics. One "Nhân sự"
 * entry in the side menu leads to the group (PersonnelNav links its pages); everyone reads their own
 * record. The server decides per unit and per action.
 */
export const personnelModule = defineModule({
  id: 'personnel',
  pages: [
    {
      surface: 'staff',
      path: 'nhan-su',
      roles: PERSONNEL_ROLES,
      component: lazy(() => import('./people/PeoplePage')),
      menu: { label: label('menu.personnel'), icon: <TeamOutlined />, order: 47 },
    },
    { surface: 'staff', path: 'nhan-su/de-an', roles: PERSONNEL_ROLES, component: lazy(() => import('./schemes/SchemesPage')) },
    { surface: 'staff', path: 'nhan-su/de-an/:id', roles: PERSONNEL_ROLES, component: lazy(() => import('./schemes/SchemePage')) },
    { surface: 'staff', path: 'nhan-su/bo-tri', roles: PERSONNEL_ROLES, component: lazy(() => import('./schemes/BoardPage')) },
    { surface: 'staff', path: 'nhan-su/de-nghi', roles: PERSONNEL_ROLES, component: lazy(() => import('./record/ChangesQueuePage')) },
    { surface: 'staff', path: 'nhan-su/danh-gia', roles: PERSONNEL_ROLES, component: lazy(() => import('./evaluations/EvaluationsPage')) },
    { surface: 'staff', path: 'nhan-su/thong-ke', roles: PERSONNEL_ROLES, component: lazy(() => import('./stats/StatsPage')) },
    { surface: 'staff', path: 'nhan-su/:id', roles: PERSONNEL_ROLES, component: lazy(() => import('./people/PersonPage')) },
    {
      surface: 'staff',
      path: 'ho-so-cua-toi',
      roles: MY_RECORD_ROLES,
      component: lazy(() => import('./me/MyRecordPage')),
      menu: { label: label('menu.myRecord'), icon: <IdcardOutlined />, order: 48 },
    },
  ],
});
