import { lazy } from 'react';
import { defineModule } from '../../shared/module';
import { portalMessages } from './messages';

export const portalModule = defineModule({
  id: 'portal',
  pages: [
    { surface: 'public', path: '', component: lazy(() => import('./HomePage')) },
    {
      surface: 'public',
      path: 'thu-tuc',
      component: lazy(() => import('./ProceduresPage')),
      menu: { label: portalMessages.label('menu.procedures'), order: 10 },
    },
  ],
});
