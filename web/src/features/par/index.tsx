import { lazy } from 'react';
import { RiseOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { parRoundMessages } from './i18n-rounds';
import { parSetPages } from './pages-sets';
import { PAR_READ_ROLES } from './sets/paths';
import { surveyPages } from './survey';

/**
 * The PAR index (Chỉ số CCHC, issue 16): rounds, the Department of Home Affairs' board, a unit's scoring sheet,
 * the council's review sheet; the criteria sets and the public ranking (pages-sets.tsx); the survey (survey/).
 * Every staff role holds `par.read`; the server decides who sees which sheet and who may act.
 */
export const parModule = defineModule({
  id: 'par',
  pages: [
    {
      surface: 'staff',
      path: 'cchc',
      roles: PAR_READ_ROLES,
      component: lazy(() => import('./round/RoundsPage')),
      menu: { label: parRoundMessages.label('menu.rounds'), icon: <RiseOutlined />, order: 45 },
    },
    { surface: 'staff', path: 'cchc/dot/:roundId', roles: PAR_READ_ROLES, component: lazy(() => import('./round/BoardPage')) },
    { surface: 'staff', path: 'cchc/dot/:roundId/ket-qua', roles: PAR_READ_ROLES, component: lazy(() => import('./round/ResultsPage')) },
    { surface: 'staff', path: 'cchc/dot/:roundId/don-vi/:unitId', roles: PAR_READ_ROLES, component: lazy(() => import('./round/SheetPage')) },
    ...parSetPages,
    ...surveyPages,
  ],
});
