import { Empty, Modal, Skeleton, Typography } from 'antd';
import { formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { useLineChanges } from './api';
import { money } from './format';
import { useBudgetT } from './i18n';
import type { BudgetKey } from './messages';
import type { BudgetLine } from './types';

const AMOUNT_FIELDS = new Set(['plannedVnd', 'allocatedVnd', 'spentVnd']);
/** The form's order: a JSON object stored in the database comes back with its keys reordered. */
const ORDER = ['activityKind', 'title', 'fundingSource', 'plannedVnd', 'allocatedVnd', 'spentVnd', 'overspendReason', 'allocationDecisionNo', 'note'];
const rank = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);

/** A line's history (reform_budget_changes): who changed which field from what to what, and why. */
export function ChangesDialog({ line, onClose }: { line: BudgetLine; onClose: () => void }) {
  const t = useBudgetT();
  const changes = useLineChanges(line.id);
  const show = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (AMOUNT_FIELDS.has(field) && typeof v === 'number') return money(v);
    if (field === 'activityKind') return t(`activity.${String(v)}` as BudgetKey);
    if (field === 'fundingSource') return t(`funding.${String(v)}` as BudgetKey);
    return String(v);
  };
  return (
    <Modal open title={t('history.title', { title: line.title })} footer={null} onCancel={onClose} width={680} destroyOnHidden>
      {changes.isPending ? <Skeleton active /> : changes.isError ? <ErrorResult variant="inline" error={changes.error} onRetry={() => void changes.refetch()} /> : (
        changes.data.items.length === 0 ? <Empty description={t('history.empty')} /> : (
          <ol className="mc-budget-history">
            {[...changes.data.items].reverse().map((c, i) => {
              const created = i === changes.data.items.length - 1;
              return (
                <li key={`${c.at}-${i}`}>
                  <Typography.Text strong>{formatDateTime(c.at)} · {c.actorName}</Typography.Text>
                  {created ? <Typography.Text type="secondary"> — {t('history.created')}</Typography.Text> : null}
                  <ul className="mc-budget-changes">
                    {Object.entries(c.changes).sort(([a], [b]) => rank(a) - rank(b)).map(([field, [before, after]]) => (
                      <li key={field}>
                        {t(`change.${field}` as BudgetKey)}: {created ? show(field, after) : <>{show(field, before)} → <strong>{show(field, after)}</strong></>}
                      </li>
                    ))}
                  </ul>
                  {c.reason ? <Typography.Text type="secondary">{t('history.reason', { reason: c.reason })}</Typography.Text> : null}
                </li>
              );
            })}
          </ol>
        )
      )}
    </Modal>
  );
}
