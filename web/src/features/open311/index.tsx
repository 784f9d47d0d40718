import { lazy } from 'react';
import { ApiOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { open311Messages } from './messages';

/** Open311 applications and their API keys (the province administrator). */
export const open311Module = defineModule({
  id: 'open311',
  pages: [
    {
      surface: 'admin',
      path: 'open311',
      roles: ['admin'],
      component: lazy(() => import('./Open311AppsPage')),
      menu: { label: open311Messages.label('menu'), icon: <ApiOutlined />, order: 78 },
    },
  ],
});
