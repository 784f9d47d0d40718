import { lazy } from 'react';
import { defineModule } from '../../shared/module';
import { NotificationBell } from './NotificationBell';

/** In-app notifications: the bell in the workspace header and the page it leads to (every staff member). */
export const notificationsModule = defineModule({
  id: 'notifications',
  header: NotificationBell,
  pages: [
    {
      surface: 'staff',
      path: 'thong-bao',
      component: lazy(() => import('./NotificationsPage')),
    },
  ],
});
