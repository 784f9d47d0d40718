import { lazy } from 'react';
import { AimOutlined, CheckSquareOutlined, TagsOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { directiveMessages } from './i18n';
import { DIRECTIVE_ALIAS_ROLES, DIRECTIVE_READ_ROLES } from './paths';

const label = directiveMessages.label;

/** Directives and assigned tasks ("Chỉ đạo, điều hành", issue 15): board, register, tasks, periodic reports. */
export const directivesModule = defineModule({
  id: 'directives',
  pages: [
    {
      surface: 'staff',
      path: 'chi-dao',
      roles: DIRECTIVE_READ_ROLES,
      component: lazy(() => import('./BoardPage')),
      menu: { label: label('menu.board'), icon: <AimOutlined />, order: 40 },
    },
    {
      surface: 'staff',
      path: 'chi-dao/viec-cua-toi',
      roles: DIRECTIVE_READ_ROLES,
      component: lazy(() => import('./MyTasksPage')),
      menu: { label: label('menu.myTasks'), icon: <CheckSquareOutlined />, order: 41 },
    },
    // The server decides who may register (meta.can.register); the page says so when one may not.
    { surface: 'staff', path: 'chi-dao/dang-ky', roles: DIRECTIVE_READ_ROLES, component: lazy(() => import('./register/RegisterPage')) },
    { surface: 'staff', path: 'chi-dao/nhiem-vu/:taskId', roles: DIRECTIVE_READ_ROLES, component: lazy(() => import('./task/TaskPage')) },
    { surface: 'staff', path: 'chi-dao/ky-bao-cao/:periodId', roles: DIRECTIVE_READ_ROLES, component: lazy(() => import('./period/PeriodPage')) },
    { surface: 'staff', path: 'chi-dao/:id', roles: DIRECTIVE_READ_ROLES, component: lazy(() => import('./document/DocumentPage')) },
    {
      // Province-wide org.manage (administrators) on the server.
      surface: 'admin',
      path: 'ten-goi-co-quan',
      roles: DIRECTIVE_ALIAS_ROLES,
      component: lazy(() => import('./admin/AliasesPage')),
      menu: { label: label('menu.aliases'), icon: <TagsOutlined />, order: 15 },
    },
  ],
});
