import { lazy } from 'react';
import { BookOutlined } from '@ant-design/icons';
import type { Role } from '../../shared/auth';
import { defineModule } from '../../shared/module';
import { registerMessages } from './messages';

/** Who downloads the register (form 07): the desk that keeps it, heads, and those who oversee. */
export const REGISTER_ROLES: readonly Role[] = ['desk_officer', 'unit_head', 'admin', 'auditor'];

export const registerModule = defineModule({
  id: 'register',
  pages: [
    {
      surface: 'staff',
      path: 'so-theo-doi',
      roles: REGISTER_ROLES,
      component: lazy(() => import('./RegisterPage')),
      menu: { label: registerMessages.label('menu.register'), icon: <BookOutlined />, order: 30 },
    },
  ],
});
