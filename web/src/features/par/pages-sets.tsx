import { lazy } from 'react';
import { OrderedListOutlined } from '@ant-design/icons';
import type { PageDefinition } from '../../shared/module';
import { parPublicMessages, parSetMessages } from './i18n-sets';
import { PAR_READ_ROLES } from './sets/paths';

/**
 * The criteria set pages and the public ranking (issue 16), spread into the PAR module's pages
 * (web/src/features/par/index.tsx). Every staff role reads sets (`par.read`); the server decides who edits.
 */
export const parSetPages: PageDefinition[] = [
  {
    surface: 'staff',
    path: 'cchc/bo-tieu-chi',
    roles: PAR_READ_ROLES,
    component: lazy(() => import('./sets/SetsPage')),
    menu: { label: parSetMessages.label('menu.sets'), icon: <OrderedListOutlined />, order: 46 },
  },
  { surface: 'staff', path: 'cchc/bo-tieu-chi/:id', roles: PAR_READ_ROLES, component: lazy(() => import('./sets/SetPage')) },
  {
    // Published results only, for anyone (GET /public/par/results).
    surface: 'public',
    path: 'chi-so-cchc',
    component: lazy(() => import('./public/RankingPage')),
    menu: { label: parPublicMessages.label('menu.ranking'), order: 45 },
  },
];
