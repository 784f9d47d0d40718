import { lazy } from 'react';
import { MailOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { outboxMessages } from './messages';

/** The outbox in administration: delivery state, retry, and (administrators) the message templates. */
export const outboxModule = defineModule({
  id: 'outbox',
  pages: [
    {
      surface: 'admin',
      path: 'hop-thu-di',
      roles: ['admin', 'unit_head'],
      component: lazy(() => import('./OutboxPage')),
      menu: { label: outboxMessages.label('menu.outbox'), icon: <MailOutlined />, order: 70 },
    },
  ],
});
