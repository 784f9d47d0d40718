import { Badge, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { COUNT_CAP, type CountedQueue, type QueueCounts, useQueueCounts } from '../api';
import { useDossierT } from '../i18n';
import { DOSSIERS_PATH } from '../roles';

const QUEUES: readonly CountedQueue[] = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement'];

function Row({ queue, counts }: { queue: CountedQueue; counts: QueueCounts | undefined }) {
  const t = useDossierT();
  const count = counts?.[queue];
  const n = count?.n ?? 0;
  const urgent = (queue === 'overdue' || queue === 'step_overdue' || queue === 'near_due') && n > 0;
  return (
    <List.Item extra={<Badge count={count?.more ? `${COUNT_CAP}+` : n} overflowCount={COUNT_CAP} showZero color={urgent ? '#c62828' : n > 0 ? '#9e1c1c' : '#bfbfbf'} />}>
      <Link to={`${DOSSIERS_PATH}?hang=${queue}`}>
        <Typography.Text strong={n > 0}>{t(`queue.${queue}`)}</Typography.Text>
      </Link>
    </List.Item>
  );
}

/** The overview's "dossiers to handle": the size of each work queue, each a link to it. */
export function DossierQueueSummary({ queues = QUEUES }: { queues?: readonly CountedQueue[] }) {
  const counts = useQueueCounts();
  return <List size="small" loading={counts.isPending} dataSource={[...queues]} renderItem={(queue) => <Row key={queue} queue={queue} counts={counts.data} />} />;
}
