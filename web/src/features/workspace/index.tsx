import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { workspaceMessages } from './messages';

export const workspaceModule = defineModule({
  id: 'workspace',
  pages: [
    {
      surface: 'staff',
      path: '',
      component: lazy(() => import('./OverviewPage')),
      menu: { label: workspaceMessages.label('menu.overview'), icon: <DashboardOutlined />, order: 0 },
    },
  ],
});
