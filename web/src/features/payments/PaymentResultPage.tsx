import { Button, Result, Spin } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { formatMoney } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { usePageTitle } from '../../shared/pageTitle';
import { usePaymentResult } from './api';
import { usePaymentsT } from './messages';

/**
 * Where the gateway sends the payer back. The server checks the signature and answers what it
 * holds: "paid" only once the gateway's own notification (or reconciliation) confirmed it.
 */
export default function PaymentResultPage() {
  const t = usePaymentsT();
  usePageTitle(t('result.title'));
  const { search } = useLocation();
  const result = usePaymentResult(search);
  if (!new URLSearchParams(search).get('vnp_TxnRef')) return <Result status="warning" title={t('result.title')} subTitle={t('result.missing')} />;
  if (result.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (result.isError) return <ErrorResult error={result.error} />;
  const r = result.data!;
  const lookup = <Link to="/tra-cuu"><Button>{t('result.lookup')}</Button></Link>;
  if (r.status === 'paid') {
    return <Result status="success" title={t('result.paid')} subTitle={t('result.paidDesc', { code: r.dossierCode, amount: formatMoney(r.amount) })} extra={lookup} />;
  }
  if (r.status === 'pending') {
    return <Result status="info" title={t('result.pending')} subTitle={t('result.pendingDesc', { outcome: t(`result.outcome.${r.gateway.outcome}`) })} extra={lookup} />;
  }
  return <Result status="warning" title={t('result.failed')} subTitle={t('result.failedDesc', { code: r.dossierCode })} extra={lookup} />;
}
