import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { openTimeliness, timeliness } from '../../../../../src/modules/dossiers/rules/statuses';
import { formatDateTime } from '../../../shared/format';
import type { Handover } from '../api';
import { useDossierT } from '../i18n';
import { TimelinessTag } from '../StatusTags';

function Party({ unit, person }: { unit: string; person?: string | null }) {
  return (
    <>
      <div>{unit}</div>
      {person ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{person}</Typography.Text> : null}
    </>
  );
}

/**
 * The control slip's table (form 06): who handed the dossier to whom and when, and whether each
 * step finished early, on time or late against its budget — the same rule the server prints.
 */
export function HandoverTable({ handovers, pausedSince = null }: { handovers: Handover[]; pausedSince?: string | null }) {
  const t = useDossierT();
  const now = new Date();
  const columns: ColumnsType<Handover & { index: number }> = [
    { title: t('ho.step'), key: 'step', render: (_, h) => (h.stepName ? `${h.step}. ${h.stepName}` : t('detail.returnStep')), onCell: () => ({ style: { minWidth: 160 } }) },
    { title: t('ho.from'), key: 'from', render: (_, h) => <Party unit={h.index === 0 ? t('ho.applicant') : h.fromUnitName} person={h.from.name} />, onCell: () => ({ style: { minWidth: 180 } }) },
    { title: t('ho.to'), key: 'to', render: (_, h) => <Party unit={h.toUnitName} person={h.to?.name} />, onCell: () => ({ style: { minWidth: 180 } }) },
    { title: t('ho.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    { title: t('ho.stepDue'), dataIndex: 'stepDueAt', render: (v: string | null) => formatDateTime(v) || '—', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    { title: t('ho.completed'), dataIndex: 'completedAt', render: (v: string | null) => formatDateTime(v) || '—', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
    {
      title: t('ho.result'),
      key: 'result',
      render: (_, h) => {
        if (!h.stepDueAt || h.stepDueAt === h.at) return null;
        const due = new Date(h.stepDueAt);
        // The open step's clock stands still too while the dossier waits for a supplement.
        return <TimelinessTag value={h.completedAt ? timeliness(new Date(h.completedAt), due) : openTimeliness(now, due, pausedSince ? new Date(pausedSince) : null)} />;
      },
    },
  ];
  return (
    <Table
      rowKey={(h) => `${h.index}`}
      size="small"
      columns={columns}
      dataSource={handovers.map((h, index) => ({ ...h, index }))}
      pagination={false}
      scroll={{ x: 1040 }}
    />
  );
}
