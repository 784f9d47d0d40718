import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format';
import { useRegistryT } from './i18n';
import type { Confidentiality, DocStatus, Urgency } from './types';

const STATUS_COLOURS: Record<DocStatus, string> = {
  draft: 'default', submitted: 'gold', approved: 'blue', released: 'green', recalled: 'volcano', cancelled: 'default',
  arrived: 'orange', registered: 'blue', routed: 'geekblue', done: 'green', returned: 'volcano',
};
/** Decree 30 art. 15: the urgency marks a reader must not miss; red for the two highest. */
const URGENCY_COLOURS: Record<Urgency, string> = { normal: 'default', khan: 'orange', thuong_khan: 'red', hoa_toc: 'red' };

export function StatusTag({ status }: { status: DocStatus }) {
  const t = useRegistryT();
  return <Tag color={STATUS_COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

/** Nothing for an ordinary document: only an urgent one carries a mark. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const t = useRegistryT();
  if (urgency === 'normal') return null;
  return <Tag color={URGENCY_COLOURS[urgency]} data-urgency={urgency} style={{ marginInlineEnd: 0, fontWeight: 600 }}>{t(`urgency.${urgency}`)}</Tag>;
}

export function ConfidentialityTag({ confidentiality }: { confidentiality: Confidentiality }) {
  const t = useRegistryT();
  if (confidentiality === 'normal') return null;
  return <Tag color="purple" data-confidentiality={confidentiality} style={{ marginInlineEnd: 0, fontWeight: 600 }}>{t(`confidentiality.${confidentiality}`)}</Tag>;
}

/** A due date; red with the word "overdue" once it has passed and the work is not done. */
export function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const t = useRegistryT();
  if (!dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!overdue) return <span>{formatDate(dueOn)}</span>;
  return <Typography.Text type="danger" strong data-overdue="true">{formatDate(dueOn)} ({t('due.overdue')})</Typography.Text>;
}

/** An empty table's words in the theme's secondary text colour (the table's own placeholder grey is too pale). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** The number and symbol as printed after "Số: ", or a dash before the document has one. */
export function symbolOf(doc: { symbol: string | null }): string {
  return doc.symbol ?? '—';
}
