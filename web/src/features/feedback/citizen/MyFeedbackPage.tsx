import { App, Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { RequireCitizen } from '../../../shared/citizen';
import { formatDate } from '../../../shared/format';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type MyFeedback, useMyFeedback, useWithdrawMine } from '../api';
import { useFeedbackT } from '../i18n';
import { FeedbackStatusTag } from '../tags';

const OPEN = new Set(['received', 'in_progress', 'awaiting_approval']);

/** The answer, fetched when the citizen opens it (GET /citizen/feedback/:code). */
function Answer({ code }: { code: string }) {
  const [answer, setAnswer] = useState<string | null | undefined>(undefined);
  const t = useFeedbackT();
  if (answer === undefined) {
    return <Button onClick={() => void api.get<{ answer: string | null }>(`/citizen/feedback/${encodeURIComponent(code)}`).then((x) => setAnswer(x.answer ?? ''))}>{t('mine.open')}</Button>;
  }
  return <Typography.Paragraph className="mc-feedback-answer" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{answer}</Typography.Paragraph>;
}

function MyFeedbackList() {
  const t = useFeedbackT();
  const { message, modal } = App.useApp();
  const list = useMyFeedback();
  const withdraw = useWithdrawMine();
  usePageTitle(t('mine.title'));
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const ask = (x: MyFeedback) => modal.confirm({
    title: t('mine.withdraw'), content: t('mine.withdrawConfirm', { code: x.code }), okText: t('mine.withdraw'), okButtonProps: { danger: true },
    onOk: async () => { await withdraw.mutateAsync({ code: x.code }); void message.success(t('mine.withdrawn', { code: x.code })); },
  });
  return (
    <Card className="mc-online-card">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} className="mc-online-h1">{t('mine.title')}</Typography.Title>
        <Link to="/phan-anh"><Button type="primary">{t('mine.send')}</Button></Link>
      </Flex>
      {!list.data.items.length ? <Empty description={t('mine.empty')} /> : (
        <List dataSource={list.data.items} renderItem={(x) => (
          <List.Item data-code={x.code} actions={OPEN.has(x.status) ? [<Button key="w" danger onClick={() => ask(x)}>{t('mine.withdraw')}</Button>] : []}>
            <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong>{x.code}</Typography.Text>
              <span>{x.title}</span>
              <Flex gap={6} wrap><FeedbackStatusTag status={x.status} />{x.unitName ? <Typography.Text type="secondary">{x.unitName}</Typography.Text> : null}</Flex>
              <Typography.Text type="secondary">
                {[t('mine.received', { date: formatDate(x.receivedAt) }), x.answeredAt ? t('mine.answered', { date: formatDate(x.answeredAt) }) : x.dueAt ? t('mine.due', { date: formatDate(x.dueAt) }) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
              {x.answeredAt ? <Answer code={x.code} /> : null}
            </Flex>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** `/cong-dan/phan-anh`: a signed-in citizen's feedback, its status and answer, and withdrawal while open. */
export default function MyFeedbackPage() {
  return <div className="mc-container mc-online-page"><RequireCitizen><MyFeedbackList /></RequireCitizen></div>;
}
