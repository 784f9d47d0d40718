import { Card, Flex, Segmented, Skeleton } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type ChangeStatus, useChangeQueue } from '../api-people';
import { useRecordT } from '../i18n';
import { PersonnelNav } from '../PersonnelNav';
import { ChangesList } from './ChangesList';
import '../personnel.css';

const STATUSES: readonly ChangeStatus[] = ['proposed', 'approved', 'rejected', 'withdrawn'];

/** `/can-bo/nhan-su/de-nghi`: HR's queue of record changes in the units it keeps, each with its diff. */
export default function ChangesQueuePage() {
  const t = useRecordT();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? 'proposed';
  const queue = useChangeQueue(status);
  return (
    <>
      <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')} />
      <PersonnelNav />
      <Flex vertical gap={12}>
        {/* On a phone the four statuses scroll sideways rather than widen the page. */}
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented<ChangeStatus> aria-label={t('queue.status')} value={status} onChange={(v) => setParams(v === 'proposed' ? {} : { status: v }, { replace: true })}
            options={STATUSES.map((s) => ({ value: s, label: t(`cstatus.${s}`) }))} />
        </div>
        {queue.isError ? <ErrorResult variant="inline" error={queue.error} onRetry={() => void queue.refetch()} />
          : !queue.data ? <Card size="small"><Skeleton active /></Card>
          : <ChangesList changes={queue.data} can={{ decide: true, withdraw: false }} />}
      </Flex>
    </>
  );
}
