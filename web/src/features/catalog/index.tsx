import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { catalogMessages } from './i18n';

const label = catalogMessages.label;
const CATALOG_ADMIN = ['admin'] as const;

/**
 * The procedure catalogue: public search and procedure pages, the online services list, and the
 * catalogue administration (which the server limits to catalog.manage at the province's root).
 */
export const catalogModule = defineModule({
  id: 'catalog',
  pages: [
    { surface: 'public', path: 'thu-tuc', component: lazy(() => import('./public/ProcedureSearchPage')), menu: { label: label('menu.procedures'), order: 10 } },
    { surface: 'public', path: 'thu-tuc/:code', component: lazy(() => import('./public/ProcedurePage')) },
    { surface: 'public', path: 'dich-vu-truc-tuyen', component: lazy(() => import('./public/OnlineServicesPage')), menu: { label: label('menu.online'), order: 15 } },
    { surface: 'admin', path: 'thu-tuc', roles: CATALOG_ADMIN, component: lazy(() => import('./admin/AdminProceduresPage')), menu: { label: label('menu.admin'), icon: <FileTextOutlined />, order: 50 } },
    { surface: 'admin', path: 'thu-tuc/moi', roles: CATALOG_ADMIN, component: lazy(() => import('./admin/DraftEditorPage')) },
    { surface: 'admin', path: 'thu-tuc/:code', roles: CATALOG_ADMIN, component: lazy(() => import('./admin/ProcedureAdminPage')) },
    { surface: 'admin', path: 'thu-tuc/:code/v/:n', roles: CATALOG_ADMIN, component: lazy(() => import('./admin/DraftEditorPage')) },
  ],
});
