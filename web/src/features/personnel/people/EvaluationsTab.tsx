import { useState } from 'react';
import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EvaluationSummary } from '../api-people';
import { DemotedTag, RatingTag, SheetStatusTag, fmtPoints } from '../evaluations/RatingTag';
import { ReviewDialog } from '../evaluations/ReviewDialog';
import { useEvaluationT } from '../i18n';

/** The person's annual evaluations, newest first; a year opens its sheet (with the review form for the manager). */
export function EvaluationsTab({ personId, evaluations }: { personId: number; evaluations: EvaluationSummary[] }) {
  const t = useEvaluationT();
  const [open, setOpen] = useState<number | null>(null);
  const columns: ColumnsType<EvaluationSummary> = [
    { title: t('col.year'), dataIndex: 'year', width: 90 },
    { title: t('col.status'), key: 'status', width: 160, render: (_, e) => <SheetStatusTag status={e.status} /> },
    { title: t('col.points'), key: 'points', width: 100, align: 'right', render: (_, e) => fmtPoints(e.points) },
    { title: t('col.rating'), key: 'rating', render: (_, e) => <>{e.rating ? <RatingTag rating={e.rating} /> : null} {e.demoted ? <DemotedTag share={null} /> : null}</> },
    { title: '', key: 'open', width: 120, render: (_, e) => <Button size="small" onClick={() => setOpen(e.year)}>{t('review.view')}</Button> },
  ];
  return (
    <>
      <Table<EvaluationSummary> aria-label={t('tab.table')} rowKey="year" size="small" columns={columns} dataSource={evaluations} pagination={false} locale={{ emptyText: t('tab.empty') }} />
      {open !== null ? <ReviewDialog personId={personId} year={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
