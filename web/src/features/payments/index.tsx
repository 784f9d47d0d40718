import { lazy } from 'react';
import { WalletOutlined } from '@ant-design/icons';
import { defineModule } from '../../shared/module';
import { paymentMessages } from './messages';

/** Online payments: the staff list and daily reconciliation, and the page the gateway returns the payer to. */
export const paymentsModule = defineModule({
  id: 'payments',
  pages: [
    {
      surface: 'staff',
      path: 'thanh-toan',
      roles: ['desk_officer', 'unit_head', 'admin', 'auditor'],
      component: lazy(() => import('./PaymentsPage')),
      menu: { label: paymentMessages.label('menu.payments'), icon: <WalletOutlined />, order: 60 },
    },
    { surface: 'public', path: 'thanh-toan/ket-qua', component: lazy(() => import('./PaymentResultPage')) },
  ],
});
