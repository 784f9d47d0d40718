import { Button, Card, Checkbox, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type TaskScope, useTasks } from './api';
import { useDirectiveT } from './i18n';
import { TaskList } from './TaskList';
import './directives.css';

const SCOPES: readonly TaskScope[] = ['mine', 'unit', 'all'];

/** `/can-bo/chi-dao/viec-cua-toi`: tasks given to me, to my unit, or all I may see; overdue ones on demand. */
export default function MyTasksPage() {
  const t = useDirectiveT();
  const [params, setParams] = useSearchParams();
  const scope = (SCOPES as readonly string[]).includes(params.get('scope') ?? '') ? (params.get('scope') as TaskScope) : 'mine';
  const overdue = params.get('overdue') === '1';
  const list = useTasks({ scope, overdue });
  const tasks = list.data?.pages.flatMap((p) => p.tasks) ?? [];
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('my.title')} subtitle={t('my.subtitle')} />
      <Card size="small">
        <Tabs className="mc-dir-tabs" activeKey={scope} onChange={(k) => update({ scope: k === 'mine' ? undefined : k })}
          items={SCOPES.map((s) => ({ key: s, label: t(`my.scope.${s}`) }))} />
        {/* Beside the tab list, not inside it: a tablist may hold only tabs. */}
        <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : undefined })} style={{ marginBottom: 12 }}>{t('my.overdue')}</Checkbox>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <TaskList tasks={tasks} withDocument loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            emptyText={overdue ? t('my.emptyOverdue') : t(`my.empty.${scope}`)} />
        )}
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" aria-live="polite">{tasks.length ? t('my.shown', { n: tasks.length }) : null}</Typography.Text>
          {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('my.more')}</Button> : null}
        </Flex>
      </Card>
    </>
  );
}
