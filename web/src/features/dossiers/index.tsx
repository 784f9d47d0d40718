import { lazy } from 'react';
import { ContainerOutlined, FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { dossierMessages } from './i18n';
import { DOSSIER_ROLES, INTAKE_ROLES } from './roles';

/** The one-stop shop in the staff workspace: work queues, intake at the desk, the dossier; the archive in administration. */
export const dossiersModule = defineModule({
  id: 'dossiers',
  pages: [
    {
      surface: 'staff',
      path: 'ho-so',
      roles: DOSSIER_ROLES,
      component: lazy(() => import('./workspace/DossiersPage')),
      menu: { label: dossierMessages.label('menu.dossiers'), icon: <FolderOpenOutlined />, order: 10 },
    },
    {
      surface: 'staff',
      path: 'ho-so/:code',
      roles: DOSSIER_ROLES,
      component: lazy(() => import('./detail/DossierDetailPage')),
    },
    {
      surface: 'staff',
      path: 'tiep-nhan',
      roles: INTAKE_ROLES,
      component: lazy(() => import('./intake/IntakePage')),
      menu: { label: dossierMessages.label('menu.intake'), icon: <FileAddOutlined />, order: 11 },
    },
    {
      // The archive period is the province's setting: administrators only (org.manage at the province on the server).
      surface: 'admin',
      path: 'luu-tru-ho-so',
      roles: ['admin'],
      component: lazy(() => import('./archive/ArchivePage')),
      menu: { label: dossierMessages.label('archive.menu'), icon: <ContainerOutlined />, order: 76 },
    },
  ],
});
