import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { privacyMessages } from './messages';

/** Personal data in administration: data-subject requests and retention periods (Decree 356/2025). */
export const privacyModule = defineModule({
  id: 'privacy',
  pages: [
    {
      surface: 'admin',
      path: 'du-lieu-ca-nhan',
      roles: ['admin', 'unit_head', 'desk_officer'],
      component: lazy(() => import('./PrivacyPage')),
      menu: { label: privacyMessages.label('menu'), icon: <SafetyCertificateOutlined />, order: 75 },
    },
  ],
});
