import { Tag } from 'antd';
import type { SchemeStatus } from '../api-schemes';
import { usePersonnelT } from '../i18n';

const COLOURS: Record<SchemeStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', appraised: 'purple', approved: 'green' };

export function SchemeStatusTag({ status }: { status: SchemeStatus }) {
  const t = usePersonnelT();
  return <Tag color={COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

/** A count that needs attention (vacancies, people over the approved number, overdue placements) stands out. */
export function Count({ n, tone }: { n: number; tone?: 'warning' | 'danger' }) {
  if (!n || !tone) return <>{n}</>;
  return <strong className={tone === 'danger' ? 'mc-hr-danger' : 'mc-hr-warning'}>{n}</strong>;
}
