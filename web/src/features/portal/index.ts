import { lazy } from 'react';
import { defineModule } from '../../shared/module';

export const portalModule = defineModule({
  id: 'portal',
  // The catalogue feature serves /thu-tuc; the home page links to it.
  pages: [{ surface: 'public', path: '', component: lazy(() => import('./HomePage')) }],
});
