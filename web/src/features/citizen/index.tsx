import { lazy } from 'react';
import { defineModule } from '../../shared/module';

/** The citizen's own pages on the public portal (issue 11): the e-ID sign-in outcome and the account. */
export const citizenModule = defineModule({
  id: 'citizen',
  pages: [
    { surface: 'public', path: 'cong-dan/tai-khoan', component: lazy(() => import('./AccountPage')) },
    { surface: 'public', path: 'cong-dan/dang-nhap', component: lazy(() => import('./SignInPage')) },
  ],
});
