import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { QUALITY_ROLES } from './paths';

const page = (path: string, component: Parameters<typeof lazy>[0]) =>
  ({ surface: 'staff' as const, path: `chat-luong/${path}`, roles: QUALITY_ROLES, component: lazy(component) });

/**
 * Quality management to TCVN ISO 9001 ("Hệ thống quản lý chất lượng", issue 20): one side-menu entry
 * leading to the caller's QMSs; each QMS's pages are linked from its home (QualityNav).
 */
export const qualityModule = defineModule({
  id: 'quality',
  pages: [
    {
      surface: 'staff',
      path: 'chat-luong',
      roles: QUALITY_ROLES,
      component: lazy(() => import('./QualityHome')),
      menu: { label: (locale) => (locale === 'en' ? 'Quality (ISO 9001)' : 'Chất lượng ISO 9001'), icon: <SafetyCertificateOutlined />, order: 44 },
    },
    page('tai-lieu/:id', () => import('./DocumentPage')),
    page('danh-gia/:id', () => import('./AuditPage')),
    page('kph/:id', () => import('./NonconformityPage')),
    page('xem-xet/:id', () => import('./ReviewPage')),
    page(':qmsId', () => import('./SystemHome')),
    page(':qmsId/muc-tieu', () => import('./ObjectivesPage')),
    page(':qmsId/quy-trinh', () => import('./ProcessesPage')),
    page(':qmsId/tai-lieu', () => import('./DocumentsPage')),
    page(':qmsId/danh-gia-noi-bo', () => import('./AuditsPage')),
    page(':qmsId/khong-phu-hop', () => import('./NonconformitiesPage')),
    page(':qmsId/de-xuat', () => import('./ProposalsPage')),
    page(':qmsId/xem-xet', () => import('./ReviewsPage')),
  ],
});
