import { lazy } from 'react';
import { MessageOutlined, TagsOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { feedbackMessages } from './i18n';
import { FEEDBACK_HANDLE_ROLES, FEEDBACK_MANAGE_ROLES, FEEDBACK_READ_ROLES } from './roles';

const label = feedbackMessages.label;

/** Feedback and recommendations (PAKN, issue 12): the portal pages, the staff inbox, the categories. */
export const feedbackModule = defineModule({
  id: 'feedback',
  pages: [
    { surface: 'public', path: 'phan-anh', component: lazy(() => import('./portal/SendPage')), menu: { label: label('menu.send'), order: 25 } },
    { surface: 'public', path: 'phan-anh/tra-cuu', component: lazy(() => import('./portal/LookupPage')) },
    { surface: 'public', path: 'cong-dan/phan-anh', component: lazy(() => import('./citizen/MyFeedbackPage')), menu: { label: label('menu.mine'), order: 32 } },
    { surface: 'public', path: 'phan-anh/cong-khai', component: lazy(() => import('./portal/PublishedPage')), menu: { label: label('menu.published'), order: 26 } },
    {
      surface: 'staff',
      path: 'phan-anh',
      roles: FEEDBACK_READ_ROLES,
      component: lazy(() => import('./staff/InboxPage')),
      menu: { label: label('menu.inbox'), icon: <MessageOutlined />, order: 20 },
    },
    { surface: 'staff', path: 'phan-anh/ghi-nhan', roles: FEEDBACK_HANDLE_ROLES, component: lazy(() => import('./staff/RecordPage')) },
    { surface: 'staff', path: 'phan-anh/:code', roles: FEEDBACK_READ_ROLES, component: lazy(() => import('./staff/DetailPage')) },
    {
      surface: 'admin',
      path: 'phan-anh',
      roles: FEEDBACK_MANAGE_ROLES,
      component: lazy(() => import('./admin/CategoriesPage')),
      menu: { label: label('menu.categories'), icon: <TagsOutlined />, order: 60 },
    },
  ],
});
