import { lazy } from 'react';
import { DashboardOutlined, FolderOpenOutlined } from '@ant-design/icons';
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
    {
      surface: 'staff',
      path: 'ho-so',
      component: lazy(() => import('./DossiersPlaceholder')),
      menu: { label: workspaceMessages.label('menu.dossiers'), icon: <FolderOpenOutlined />, order: 10 },
    },
  ],
});
