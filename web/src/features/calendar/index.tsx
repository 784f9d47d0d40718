import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { calendarMessages } from './messages';

export const calendarModule = defineModule({
  id: 'calendar',
  pages: [
    {
      surface: 'public',
      path: 'lich-lam-viec',
      component: lazy(() => import('./PublicSchedulePage')),
      menu: { label: calendarMessages.label('menu.schedule'), order: 30 },
    },
    {
      surface: 'admin',
      path: 'lich',
      roles: ['admin'],
      component: lazy(() => import('./AdminCalendarPage')),
      menu: { label: calendarMessages.label('menu.schedule'), icon: <CalendarOutlined />, order: 60 },
    },
  ],
});
