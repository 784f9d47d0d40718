import { lazy } from 'react';
import { defineModule } from '../../shared/module';
import { lookupMessages } from './messages';

/** Public dossier lookup (/tra-cuu), reached from the home page's box and the receipt's QR code. */
export const lookupModule = defineModule({
  id: 'lookup',
  pages: [
    {
      surface: 'public',
      path: 'tra-cuu',
      component: lazy(() => import('./LookupPage')),
      menu: { label: lookupMessages.label('menu.lookup'), order: 20 },
    },
  ],
});
