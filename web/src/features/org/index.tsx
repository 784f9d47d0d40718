import { lazy } from 'react';
import { ApartmentOutlined, IdcardOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { ADMIN_SURFACE_ROLES, ORG_EDITOR_ROLES } from '../../shared/auth';
import { defineModule } from '../../shared/module';
import { orgMessages } from './i18n';

const label = orgMessages.label;

export const orgModule = defineModule({
  id: 'org',
  pages: [
    {
      surface: 'admin',
      path: 'don-vi',
      roles: ADMIN_SURFACE_ROLES,
      component: lazy(() => import('./units/UnitsPage')),
      menu: { label: label('menu.units'), icon: <ApartmentOutlined />, order: 10 },
    },
    {
      surface: 'admin',
      path: 'can-bo',
      roles: ADMIN_SURFACE_ROLES,
      component: lazy(() => import('./staff/StaffPage')),
      menu: { label: label('menu.staff'), icon: <TeamOutlined />, order: 20 },
    },
    {
      surface: 'admin',
      path: 'vi-tri-viec-lam',
      roles: ADMIN_SURFACE_ROLES,
      component: lazy(() => import('./positions/PositionsPage')),
      menu: { label: label('menu.positions'), icon: <SolutionOutlined />, order: 30 },
    },
    {
      surface: 'admin',
      path: 'in-the',
      roles: ORG_EDITOR_ROLES,
      component: lazy(() => import('./badges/BadgesPage')),
      menu: { label: label('menu.badges'), icon: <IdcardOutlined />, order: 40 },
    },
    {
      surface: 'public',
      path: 'can-bo-cong-khai/:publicId',
      component: lazy(() => import('./public/PublicOfficialPage')),
    },
  ],
});
