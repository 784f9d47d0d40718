import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Grid, List, Result, Row, Skeleton, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ACTIONS, type Attachment, type FeedbackAction, type FeedbackDetail, type HistoryEvent, attachmentUrl, say, useFeedback, useStaffCategories } from '../api';
import { useFeedbackT } from '../i18n';
import { usePublicOfficial } from '../../org/api';
import { FromFeedbackButton } from '../../inspection/FromFeedbackButton';
import { INBOX_PATH } from '../roles';
import { ConductTag, DueDate, FeedbackStatusTag } from '../tags';
import { ActionPanel } from './ActionDialog';
import '../feedback.css';

/** What it is about; an official named by the badge QR is shown by name and unit (the public page's data). */
function About({ d }: { d: FeedbackDetail }) {
  const t = useFeedbackT();
  const a = d.about;
  const official = usePublicOfficial(a.staffPublicId ?? '', Boolean(a.staffPublicId));
  const extra = a.kind === 'procedure' ? [a.procedureCode] : a.kind === 'dossier' ? [a.dossierCode] : [];
  const person = official.data ? [official.data.fullName, official.data.position, official.data.unitName].filter(Boolean).join(', ') : null;
  return (
    <span data-testid="about">
      {[t(`about.${a.kind}`), ...extra.filter(Boolean)].join(' — ')}
      {person ? <><br /><strong>{t('detail.official', { name: person })}</strong></> : null}
      {d.conductUnitName ? <><br /><Typography.Text type="secondary">{d.conductUnitName}</Typography.Text></> : null}
    </span>
  );
}

function Facts({ d }: { d: FeedbackDetail }) {
  const t = useFeedbackT();
  const locale = useLocale();
  const categories = useStaffCategories();
  const category = d.categoryName ? say(d.categoryName, locale) : categories.data?.find((c) => c.code === d.categoryCode)?.name[locale] ?? d.categoryCode;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
      { key: 'category', label: t('detail.category'), children: category },
      { key: 'about', label: t('detail.about'), children: <About d={d} /> },
      { key: 'channel', label: t('detail.channel'), children: t(`channel.${d.channel}`) },
      { key: 'unit', label: t('detail.unit'), children: d.unitName ?? '—' },
      ...(d.rejectReason ? [{ key: 'reject', label: t('act.reason'), children: d.rejectReason }] : []),
      { key: 'assignee', label: t('detail.assignee'), children: d.assignee?.fullName ?? <Typography.Text type="secondary">{t('inbox.unassigned')}</Typography.Text> },
      { key: 'received', label: t('detail.received'), children: formatDateTime(d.receivedAt) },
      { key: 'due', label: t('detail.due'), children: <DueDate item={d} /> },
      ...(d.answeredAt ? [{ key: 'answered', label: t('detail.answered'), children: formatDateTime(d.answeredAt) }] : []),
      { key: 'consent', label: t('detail.consent'), children: d.consentToPublish ? t('detail.consentYes') : <Typography.Text type="warning">{t('detail.consentNo')}</Typography.Text> },
    ]} />
  );
}

function actorName(e: HistoryEvent): string | null {
  if (!e.actor) return null;
  return typeof e.actor === 'string' ? e.actor : e.actor.fullName;
}

function Attachments({ d }: { d: FeedbackDetail }) {
  const t = useFeedbackT();
  const files: Attachment[] = d.attachments.map((a) => (typeof a === 'string' ? { key: a } : a));
  if (!files.length) return <Typography.Text type="secondary">{t('detail.noAttachments')}</Typography.Text>;
  return (
    <List size="small" dataSource={files} renderItem={(f) => (
      <List.Item>
        <a href={attachmentUrl(d.code, f.key)} target="_blank" rel="noopener noreferrer"><PaperClipOutlined aria-hidden /> {f.name ?? f.key}</a>
      </List.Item>
    )} />
  );
}

function Text({ title, text, testId }: { title: string; text: string; testId?: string }) {
  return (
    <Card size="small" title={title}>
      <p className="mc-fb-text" data-testid={testId}>{text}</p>
    </Card>
  );
}

/** One feedback item for staff: the facts, the sender, files, texts, history and the actions allowed now. */
export default function DetailPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const { code = '' } = useParams();
  const item = useFeedback(code);
  const wide = Grid.useBreakpoint().xl ?? true;
  const back = (
    <Link to={INBOX_PATH}><Button type="link" icon={<ArrowLeftOutlined aria-hidden />} style={{ paddingInline: 0 }}>{t('detail.back')}</Button></Link>
  );
  if (item.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (item.isError) {
    if (isApiError(item.error) && item.error.status === 404) return <Result status="404" title={code} subTitle={t('detail.notFound')} extra={back} />;
    return <ErrorResult error={item.error} onRetry={() => void item.refetch()} />;
  }
  const d = item.data;
  const s = d.submitter;
  const actions = <Card size="small" title={t('detail.actions')}><ActionPanel item={d} /></Card>;
  return (
    <>
      {back}
      <PageHeader
        title={<Flex gap={10} align="center" wrap><span>{d.code}</span><FeedbackStatusTag status={d.status} />{d.conduct ? <ConductTag /> : null}</Flex>}
        subtitle={d.title}
        extra={<FromFeedbackButton code={d.code} conduct={d.conduct} />}
      />
      {d.conduct ? <Alert type="error" showIcon title={t('detail.conduct')} style={{ marginBottom: 16 }} data-testid="conduct-flag" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small"><Facts d={d} /></Card>
            {wide ? null : actions}
            <Text title={t('detail.content')} text={d.content} testId="feedback-content" />
            {d.draftAnswer && d.status !== 'answered' && d.status !== 'published' ? <Text title={t('detail.draft')} text={d.draftAnswer} testId="draft-answer" /> : null}
            {d.answer ? <Text title={t('detail.answer')} text={d.answer} testId="answer" /> : null}
            {d.published ? (
              <Card size="small" title={`${t('detail.publishedText')} · ${formatDateTime(d.published.publishedAt)}`}>
                <p className="mc-fb-text">{d.published.question}</p>
                <div className="mc-fb-answer"><p className="mc-fb-text">{d.published.answer}</p></div>
              </Card>
            ) : null}
            <Card size="small" title={t('detail.history')}>
              {d.history.length ? (
                <Timeline items={[...d.history].reverse().map((e, i) => ({
                  key: i,
                  children: (
                    <div>
                      <Typography.Text strong>{e.label ? say(e.label, locale) : (ACTIONS as readonly string[]).includes(e.action) ? t(`act.${e.action as FeedbackAction}`) : e.action}</Typography.Text>{' '}
                      <Typography.Text type="secondary">{formatDateTime(e.at)}{actorName(e) ? ` · ${actorName(e)}` : ''}</Typography.Text>
                      {e.note ? <div className="mc-fb-text">{e.note}</div> : null}
                    </div>
                  ),
                }))} />
              ) : <Empty />}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {wide ? actions : null}
            <Card size="small" title={t('detail.submitter')}>
              <Descriptions size="small" column={1} data-testid="submitter" items={[
                { key: 'name', label: t('send.name'), children: s.name },
                ...(s.organisation ? [{ key: 'org', label: t('send.organisation'), children: s.organisation }] : []),
                ...(s.phone ? [{ key: 'phone', label: t('send.phone'), children: s.phone }] : []),
                ...(s.email ? [{ key: 'email', label: t('send.email'), children: s.email }] : []),
                ...(s.address ? [{ key: 'address', label: t('send.address'), children: s.address }] : []),
              ]} />
            </Card>
            <Card size="small" title={t('detail.attachments')}><Attachments d={d} /></Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
