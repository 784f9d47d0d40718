import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled', 'amount_mismatch'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One online payment order (GET /payments). */
export interface Payment {
  id: string;
  dossierCode: string;
  orderRef: string;
  amount: number;
  items: { name: string; amount: number }[];
  status: PaymentStatus;
  providerTxnNo: string | null;
  bankCode: string | null;
  paidAt: string | null;
  settledBy: 'notification' | 'reconciliation' | null;
  dossierRecordedAt: string | null;
  dossierRecordError: string | null;
  createdAt: string;
}

export type Verdict = 'matched' | 'settled' | 'would_settle' | 'failed' | 'would_fail' | 'not_at_gateway' | 'mismatch' | 'unreachable';

export interface ReconciliationReport {
  date: string;
  settled: boolean;
  totals: { orders: number; paidHere: number; paidAtGateway: number; amountPaidHere: number; amountPaidAtGateway: number };
  counts: Record<Verdict, number>;
  lines: { orderRef: string; dossierCode: string; amount: number; ours: string; gateway: string; gatewayAmount: number | null; verdict: Verdict; note: string | null; dossierRecorded: boolean }[];
}

export interface PaymentResult {
  orderRef: string;
  dossierCode: string;
  amount: number;
  items: { name: string; amount: number }[];
  gateway: { outcome: 'paid' | 'failed' | 'cancelled'; responseCode: string };
  status: PaymentStatus;
  paidAt: string | null;
}

export function usePayments(filters: { date?: string; status?: PaymentStatus }) {
  return useQuery({
    queryKey: ['payments', filters],
    queryFn: ({ signal }) => api.get<{ items: Payment[]; nextCursor: string | null }>('/payments', { ...filters, limit: 200 }, signal),
  });
}

export function useReconciliation(date: string) {
  return useQuery({
    queryKey: ['payments', 'reconciliation', date],
    queryFn: ({ signal }) => api.get<ReconciliationReport>('/payments/reconciliation', { date }, signal),
  });
}

export function useSettle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.post<ReconciliationReport>('/payments/reconciliation', { date }),
    onSuccess: (report) => {
      client.setQueryData(['payments', 'reconciliation', report.date], report);
      void client.invalidateQueries({ queryKey: ['payments'] });
    },
  });
}

export const reconciliationXlsxUrl = (date: string) => apiUrl('/payments/reconciliation.xlsx', { date });

/** The gateway's signed parameters the browser came back with, checked by the server. */
export function usePaymentResult(search: string) {
  const params = Object.fromEntries(new URLSearchParams(search));
  return useQuery({
    queryKey: ['payment-result', search],
    queryFn: ({ signal }) => api.get<PaymentResult>('/payments/vnpay/return', params, signal),
    enabled: !!params.vnp_TxnRef,
    retry: false,
  });
}
