import { lazy } from 'react';
import { SmileOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { satisfactionMessages } from './messages';

/** Satisfaction: the kiosk at the desk (/danh-gia, no sign-in) and the staff report. */
export const satisfactionModule = defineModule({
  id: 'satisfaction',
  pages: [
    { surface: 'bare', path: 'danh-gia', component: lazy(() => import('./KioskPage')) },
    {
      surface: 'staff',
      path: 'muc-do-hai-long',
      roles: ['desk_officer', 'specialist', 'unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./ReportPage')),
      menu: { label: satisfactionMessages.label('menu.report'), icon: <SmileOutlined />, order: 65 },
    },
  ],
});

export { RatingCodeCard } from './RatingCodeCard';
