import { lazy } from 'react';
import { FileDoneOutlined, FileProtectOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { registryMessages } from './i18n';
import { REGISTRY_ROLES, REGISTRY_SETTINGS_ROLES } from './paths';

const label = registryMessages.label;
const page = (path: string, component: Parameters<typeof lazy>[0]) =>
  ({ surface: 'staff' as const, path: `van-thu/${path}`, roles: REGISTRY_ROLES, component: lazy(component) });

/**
 * Official documents and records ("Văn thư", issue 19, Decree 30/2020): one side-menu entry leading to
 * the group (RegistryNav links its pages) and the agency's records-office settings in administration.
 */
export const registryModule = defineModule({
  id: 'registry',
  pages: [
    {
      surface: 'staff',
      path: 'van-thu',
      roles: REGISTRY_ROLES,
      component: lazy(() => import('./RegistryHome')),
      menu: { label: label('menu.registry'), icon: <FileDoneOutlined />, order: 42 },
    },
    page('van-ban-di', () => import('./outgoing/OutgoingListPage')),
    page('van-ban-di/soan', () => import('./outgoing/DraftPage')),
    page('van-ban/:id/sua', () => import('./outgoing/DraftPage')),
    page('van-ban/:id', () => import('./document/DocumentPage')),
    page('van-ban-den', () => import('./incoming/IncomingListPage')),
    page('van-ban-den/vao-so', () => import('./incoming/RegisterIncomingPage')),
    page('viec-duoc-giao', () => import('./MyWorkPage')),
    page('so-van-ban', () => import('./registers/RegistersPage')),
    page('ho-so', () => import('./files/FilesPage')),
    page('ho-so/tieu-huy', () => import('./files/DisposalsPage')),
    page('ho-so/:id', () => import('./files/FilePage')),
    {
      surface: 'admin',
      path: 'van-thu',
      roles: REGISTRY_SETTINGS_ROLES,
      component: lazy(() => import('./admin/SettingsPage')),
      menu: { label: label('menu.settings'), icon: <FileProtectOutlined />, order: 16 },
    },
  ],
});
