import { Badge, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { COUNT_CAP, type QueueName, useQueueCount } from '../api';
import { useDossierT } from '../i18n';
import { DOSSIERS_PATH } from '../roles';

const QUEUES: readonly QueueName[] = ['mine', 'unassigned', 'near_due', 'overdue', 'supplement'];

function Row({ queue }: { queue: QueueName }) {
  const t = useDossierT();
  const count = useQueueCount(queue);
  const n = count.data?.n ?? 0;
  const urgent = (queue === 'overdue' || queue === 'near_due') && n > 0;
  return (
    <List.Item extra={<Badge count={count.data?.more ? `${COUNT_CAP}+` : n} showZero color={urgent ? '#c62828' : n > 0 ? '#9e1c1c' : '#bfbfbf'} />}>
      <Link to={`${DOSSIERS_PATH}?hang=${queue}`}>
        <Typography.Text strong={n > 0}>{t(`queue.${queue}`)}</Typography.Text>
      </Link>
    </List.Item>
  );
}

/** The overview's "dossiers to handle": the size of each work queue, each a link to it. */
export function DossierQueueSummary({ queues = QUEUES }: { queues?: readonly QueueName[] }) {
  return <List size="small" dataSource={[...queues]} renderItem={(queue) => <Row key={queue} queue={queue} />} />;
}
