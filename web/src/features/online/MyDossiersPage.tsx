import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { RequireCitizen } from '../../shared/citizen';
import { useLocale } from '../../shared/i18n';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { useMyDossiers } from './api';
import { useOnlineT } from './messages';
import './online.css';

function MyDossiers() {
  const t = useOnlineT();
  const locale = useLocale();
  const list = useMyDossiers();
  usePageTitle(t('mine.title'));
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const { drafts, dossiers } = list.data;
  return (
    <Card className="mc-online-card">
      <Typography.Title level={1} className="mc-online-h1">{t('mine.title')}</Typography.Title>
      {!drafts.length && !dossiers.length ? <Empty description={t('mine.empty')} /> : null}
      {drafts.length ? (
        <section aria-labelledby="mc-drafts">
          <Typography.Title level={2} id="mc-drafts" className="mc-online-h2">{t('mine.drafts')}</Typography.Title>
          <List className="mc-online-list" dataSource={drafts} renderItem={(d) => (
            <List.Item actions={[<Link key="c" to={`/cong-dan/nop-ho-so/${d.procedureCode}?draft=${d.id}`}>{t('mine.continue')}</Link>]}>
              <List.Item.Meta title={d.procedureName} description={t('mine.updated', { date: d.updatedOn })} />
            </List.Item>
          )} />
        </section>
      ) : null}
      {dossiers.length ? (
        <section aria-labelledby="mc-dossiers">
          <Typography.Title level={2} id="mc-dossiers" className="mc-online-h2">{t('mine.dossiers')}</Typography.Title>
          <List className="mc-online-list" dataSource={dossiers} renderItem={(d) => (
            <List.Item data-code={d.code}>
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`}><Typography.Text strong>{d.code}</Typography.Text></Link>
                <span>{d.procedureName}</span>
                <Flex gap={6} wrap>
                  <Tag color={d.statusCode === 3 || d.statusCode === 8 ? 'red' : d.statusCode >= 9 ? 'green' : 'blue'}>{locale === 'en' ? d.statusNameEn : d.statusName}</Tag>
                  {d.needsAction ? <Tag color="orange">{t('mine.needsAction')}</Tag> : null}
                  {d.source === 'desk' ? <Tag>{t('mine.fromDesk')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary">
                  {[d.receivedOn ? t('mine.received', { date: d.receivedOn }) : null, d.dueOn ? t('mine.due', { date: d.dueOn }) : null].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
              <Link to={`/cong-dan/ho-so/${encodeURIComponent(d.code)}`}><Button>{t('mine.open')}</Button></Link>
            </List.Item>
          )} />
        </section>
      ) : null}
    </Card>
  );
}

export default function MyDossiersPage() {
  return <div className="mc-container mc-online-page"><RequireCitizen><MyDossiers /></RequireCitizen></div>;
}
