import { Button, Flex, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { dossierKeys, type QueueName, type QueuePage } from '../dossiers/api';
import { DOSSIERS_PATH } from '../dossiers/roles';
import { TimelinessTag } from '../dossiers/StatusTags';
import { dossierPath } from '../dossiers/workspace/DossierList';
import { useWorkspaceT } from './messages';

const SHOWN = 6;

/** The first few dossiers of a queue, soonest due first, with a link to the whole queue. */
export function QueuePreview({ queue, empty }: { queue: QueueName; empty: string }) {
  const t = useWorkspaceT();
  // Under the queues' key, so any action on a dossier refreshes it.
  const page = useQuery({
    queryKey: [...dossierKeys.all, 'queue', { queue, preview: SHOWN }],
    queryFn: ({ signal }) => api.get<QueuePage>('/dossiers', { queue, limit: SHOWN, sort: 'due' }, signal),
  });
  if (page.isError) return <ErrorResult variant="inline" error={page.error} onRetry={() => void page.refetch()} />;
  return (
    <>
      <List
        size="small"
        loading={page.isPending}
        dataSource={page.data?.items ?? []}
        locale={{ emptyText: empty }}
        renderItem={(d) => (
          <List.Item key={d.code} extra={<TimelinessTag value={d.timeliness} />}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={dossierPath(d.code)} className="mc-code" style={{ fontWeight: 600 }}>
                {d.code}
              </Link>
              <Typography.Text ellipsis={{ tooltip: d.procedureName }}>{d.procedureName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[d.applicantName, d.dueAt ? t('preview.due', { due: formatDateTime(d.dueAt) }) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {page.data?.nextCursor || (page.data?.items.length ?? 0) > 0 ? (
        <Link to={`${DOSSIERS_PATH}?hang=${queue}`}>
          <Button type="link" style={{ paddingInline: 0 }}>
            {t('preview.all')}
          </Button>
        </Link>
      ) : null}
    </>
  );
}
