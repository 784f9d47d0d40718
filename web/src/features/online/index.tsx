import { lazy } from 'react';
import { defineModule } from '../../shared/module';
import { onlineMessages } from './messages';

/** The citizen's online public services (issue 11): filing, my dossiers, my documents. */
export const onlineModule = defineModule({
  id: 'online',
  pages: [
    { surface: 'public', path: 'cong-dan/nop-ho-so/:procedureCode', component: lazy(() => import('./FilingPage')) },
    { surface: 'public', path: 'cong-dan/ho-so', component: lazy(() => import('./MyDossiersPage')), menu: { label: onlineMessages.label('menu.mine'), order: 30 } },
    { surface: 'public', path: 'cong-dan/ho-so/:code', component: lazy(() => import('./MyDossierPage')) },
    { surface: 'public', path: 'cong-dan/giay-to', component: lazy(() => import('./DocumentsPage')), menu: { label: onlineMessages.label('menu.documents'), order: 31 } },
  ],
});
