import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { auditMessages } from './messages';

export const auditModule = defineModule({
  id: 'audit',
  pages: [
    {
      surface: 'admin',
      path: 'nhat-ky',
      roles: ['admin', 'unit_head', 'auditor'],
      component: lazy(() => import('./AuditPage')),
      menu: { label: auditMessages.label('menu.audit'), icon: <AuditOutlined />, order: 50 },
    },
  ],
});
