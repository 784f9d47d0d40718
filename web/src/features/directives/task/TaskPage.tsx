import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TASK_ACTIONS, type TaskAction, type TaskDetail, type TaskEvent, taskFileUrl, useTask } from '../api';
import { useDirectiveT } from '../i18n';
import { MY_TASKS_PATH, documentPath, idParam } from '../paths';
import { DeadlineTag, TaskProgress, TaskStatusTag } from '../tags';
import { DueCell } from '../TaskList';
import { ActionDialog } from './ActionDialog';
import '../directives.css';

/** The main flow: the first of these the server allows is the primary button. */
const PRIMARY: readonly TaskAction[] = ['assign', 'request_completion', 'approve', 'progress'];

/** `/can-bo/chi-dao/nhiem-vu/:taskId`: one task, its deadline, its history and what the user may do now. */
export default function TaskPage() {
  const t = useDirectiveT();
  const id = idParam(useParams().taskId);
  const detail = useTask(id ?? 0);
  if (id === null) return <Result status="404" title={t('task.notFound')} />;
  if (detail.isPending) return <><PageHeader title={t('task.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (detail.isError) return <><PageHeader title={t('task.title')} /><ErrorResult error={detail.error} onRetry={() => void detail.refetch()} /></>;
  return <TaskView detail={detail.data} />;
}

function TaskView({ detail }: { detail: TaskDetail }) {
  const t = useDirectiveT();
  const { task, events } = detail;
  const [action, setAction] = useState<TaskAction | null>(null);
  const allowed = TASK_ACTIONS.filter((a) => detail.allowedActions.includes(a));
  const primary = PRIMARY.find((a) => allowed.includes(a));
  return (
    <>
      <PageHeader
        title={t('task.heading', { ref: task.ref || String(task.id), number: task.documentNumber })}
        subtitle={task.documentSubject}
        extra={<>
          <Link to={documentPath(task.documentId)}><Button>{t('task.toDocument')}</Button></Link>
          <Link to={MY_TASKS_PATH}><Button>{t('menu.myTasks')}</Button></Link>
        </>}
      />
      <Card size="small">
        <Typography.Paragraph className="mc-dir-text" style={{ fontSize: 15 }}>{task.content}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }} items={[
          { key: 'lead', label: t('tasks.col.lead'), children: task.leadUnitName },
          { key: 'coord', label: t('reg.col.coordinators'), children: task.coordinatingUnits.length ? task.coordinatingUnits.map((u) => u.name).join('; ') : '—' },
          { key: 'assignee', label: t('tasks.col.assignee'), children: task.assigneeName ?? t('task.unassigned') },
          { key: 'due', label: t('tasks.col.due'), children: <DueCell task={task} /> },
          { key: 'state', label: t('tasks.col.state'), children: <Flex gap={4} wrap><DeadlineTag deadline={task.deadline} /><TaskStatusTag status={task.status} /></Flex> },
          { key: 'progress', label: t('tasks.col.progress'), children: <div style={{ maxWidth: 260 }}><TaskProgress task={task} /></div> },
          { key: 'priority', label: t('reg.col.priority'), children: <Tag color={task.priority === 'normal' ? 'default' : task.priority === 'high' ? 'orange' : 'red'}>{t(`priority.${task.priority}`)}</Tag> },
          { key: 'output', label: t('reg.col.output'), children: task.expectedOutput || '—' },
        ]} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('task.actions')}</Typography.Title>}>
        {allowed.length === 0 ? <Typography.Text type="secondary">{t('task.noActions')}</Typography.Text> : (
          <Flex gap={8} wrap>
            {allowed.map((a) => (
              <Button key={a} type={a === primary ? 'primary' : 'default'} data-action={a} onClick={() => setAction(a)}>{t(`action.${a}`)}</Button>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('task.history')}</Typography.Title>}>
        {events.length === 0 ? <Typography.Text type="secondary">{t('task.noHistory')}</Typography.Text> : (
          <Timeline data-testid="task-history" items={events.map((e) => ({ key: e.id, color: colourOf(e.action), content: <EventItem taskId={task.id} event={e} /> }))} />
        )}
      </Card>
      <ActionDialog key={action ?? 'none'} task={task} action={action} onClose={() => setAction(null)} />
    </>
  );
}

/** Event kinds with a label of our own (the server's actionLabel is Vietnamese only). */
const EVENT_KINDS = ['created', 'assign', 'progress', 'request_completion', 'approve', 'return', 'cancel', 'change_lead', 'edit', 'note'] as const;
type EventKind = (typeof EVENT_KINDS)[number];

function colourOf(action: string): string {
  if (action === 'approve') return 'green';
  if (action === 'return' || action === 'cancel') return 'red';
  if (action === 'request_completion') return 'gold';
  return 'blue';
}

function EventItem({ taskId, event: e }: { taskId: number; event: TaskEvent }) {
  const t = useDirectiveT();
  return (
    <div data-event={e.action}>
      <Typography.Text strong>{(EVENT_KINDS as readonly string[]).includes(e.action) ? t(`event.${e.action as EventKind}`) : e.actionLabel}</Typography.Text>
      {e.progress !== null && e.progress !== undefined ? <Tag style={{ marginInlineStart: 8 }}>{e.progress}%</Tag> : null}
      <div><Typography.Text type="secondary">{formatDateTime(e.at)}{e.actorName ? ` · ${e.actorName}` : ''}{e.unitName ? ` · ${e.unitName}` : ''}</Typography.Text></div>
      {e.note ? <Typography.Paragraph className="mc-dir-event-note">{e.note}</Typography.Paragraph> : null}
      {e.files.length ? (
        <Flex gap={12} wrap style={{ marginTop: 4 }}>
          {e.files.map((f) => <a key={f.key} href={taskFileUrl(taskId, f.key)} download={f.name}><PaperClipOutlined aria-hidden /> {f.name}</a>)}
        </Flex>
      ) : null}
    </div>
  );
}
