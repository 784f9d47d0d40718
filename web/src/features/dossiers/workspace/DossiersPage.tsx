import { Badge, Button, Card, Flex, Grid, Input, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { DOSSIER_CODE_PATTERN } from '../../../../../src/modules/dossiers/rules/dossier-code';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { COUNT_CAP, type CountedQueue, QUEUES, type QueueCounts, type QueueName, useQueue, useQueueCounts } from '../api';
import { useDossierT } from '../i18n';
import { DOSSIERS_PATH, INTAKE_ROLES, INTAKE_PATH } from '../roles';
import { DossierCards, DossierTable } from './DossierList';

/** Queues whose size matters at a glance ("rõ việc"); the long ones get no badge. */
const COUNTED: readonly QueueName[] = ['mine', 'awaiting_reception', 'unassigned', 'near_due', 'overdue', 'step_overdue', 'supplement'];

function QueueLabel({ queue, active, counts }: { queue: QueueName; active: boolean; counts: QueueCounts | undefined }) {
  const t = useDossierT();
  const count = COUNTED.includes(queue) ? counts?.[queue as CountedQueue] : undefined;
  const n = count?.n ?? 0;
  const urgent = queue === 'overdue' || queue === 'step_overdue' || queue === 'near_due';
  return (
    <Flex align="center" gap={6}>
      <span>{t(`queue.${queue}`)}</span>
      {count && n > 0 ? (
        <Badge
          count={count.more ? `${COUNT_CAP}+` : n}
          overflowCount={COUNT_CAP}
          color={urgent ? '#c62828' : active ? '#9e1c1c' : '#8c8c8c'}
          aria-label={t('queue.count', { n })}
          data-count={n}
        />
      ) : null}
    </Flex>
  );
}

function useListParams() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('hang');
  const queue: QueueName = (QUEUES as readonly string[]).includes(raw ?? '') ? (raw as QueueName) : 'mine';
  const q = params.get('q') ?? '';
  // Refused and reception-held dossiers have no due date; the "done" queue sorts by reception, and
  // what waits for reception has no due date yet: first come, first served.
  const sort = params.get('sx') === 'due' || params.get('sx') === 'received' ? (params.get('sx') as 'due' | 'received') : queue === 'done' || queue === 'awaiting_reception' ? 'received' : 'due';
  // Built from the address bar, not from this render's parameters: the router renders a new tab in a
  // transition, so a search typed right after choosing a tab would otherwise drop the tab.
  const update = (patch: { queue?: QueueName; q?: string; sort?: 'due' | 'received' }) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        if (patch.queue !== undefined) {
          next.set('hang', patch.queue);
          next.delete('sx');
        }
        if (patch.q !== undefined) (patch.q ? next.set('q', patch.q) : next.delete('q'));
        if (patch.sort !== undefined) next.set('sx', patch.sort);
        return next;
      },
      { replace: true },
    );
  return { queue, q, sort, update };
}

export default function DossiersPage() {
  const t = useDossierT();
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  const { queue, q, sort, update } = useListParams();
  const list = useQueue({ queue, q: q || undefined, sort });
  const counts = useQueueCounts();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const empty = q ? t('list.emptySearch', { q }) : t('list.empty');
  // A whole dossier code that no queue lists may be archived (closed long ago, out of the queues): open it by its code.
  const code = q.toUpperCase();
  const openByCode = DOSSIER_CODE_PATTERN.test(code) && !list.isPending && items.length === 0;
  const wide = screens.md ?? true;

  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          hasAnyRole(user, INTAKE_ROLES) ? (
            <Link to={INTAKE_PATH}>
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                {t('menu.intake')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card size="small">
        <Tabs
          aria-label={t('queue.label')}
          activeKey={queue}
          onChange={(key) => update({ queue: key as QueueName })}
          items={QUEUES.map((key) => ({ key, label: <QueueLabel queue={key} active={key === queue} counts={counts.data} /> }))}
        />
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            aria-label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ flex: '2 1 260px' }}
          />
          <Select
            aria-label={t('list.sort')}
            value={sort}
            onChange={(value) => update({ sort: value })}
            options={[
              { value: 'due', label: t('list.sortDue') },
              { value: 'received', label: t('list.sortReceived') },
            ]}
            style={{ flex: '0 1 180px', minWidth: 160 }}
          />
        </Flex>
        {openByCode ? (
          <Typography.Paragraph data-open-by-code>
            <Link to={`${DOSSIERS_PATH}/${encodeURIComponent(code)}`}>{t('list.openByCode', { code })}</Link> {t('list.openByCodeHint')}
          </Typography.Paragraph>
        ) : null}
        {list.isError ? (
          <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
        ) : wide ? (
          <DossierTable items={items} loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} empty={empty} />
        ) : (
          <DossierCards items={items} loading={list.isPending} empty={empty} />
        )}
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" aria-live="polite">
            {items.length > 0 ? t(q ? (list.hasNextPage ? 'list.shownSearch' : 'list.shownAllSearch') : list.hasNextPage ? 'list.shown' : 'list.shownAll', { n: items.length, q }) : null}
          </Typography.Text>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
