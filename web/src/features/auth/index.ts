import { lazy } from 'react';
import { defineModule } from '../../shared/module';

export const authModule = defineModule({
  id: 'auth',
  pages: [
    { surface: 'bare', path: 'dang-nhap', component: lazy(() => import('./LoginPage')) },
    {
      surface: 'bare',
      path: 'doi-mat-khau',
      requireAuth: true,
      component: lazy(() => import('./ChangePasswordPage')),
    },
  ],
});
