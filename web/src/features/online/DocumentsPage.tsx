import { Alert, Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useId } from 'react';
import { errorMessage } from '../../shared/api';
import { RequireCitizen } from '../../shared/citizen';
import { formatDate } from '../../shared/format';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { documentFileUrl, useDocuments, useUpload } from './api';
import { useOnlineT } from './messages';
import './online.css';

function Documents() {
  const t = useOnlineT();
  const id = useId();
  const docs = useDocuments();
  const upload = useUpload();
  usePageTitle(t('docs.title'));
  if (docs.isPending) return <Skeleton active />;
  if (docs.isError) return <ErrorResult error={docs.error} onRetry={() => void docs.refetch()} />;
  return (
    <Card className="mc-online-card">
      <Typography.Title level={1} className="mc-online-h1">{t('docs.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('docs.intro')}</Typography.Paragraph>
      <Flex vertical gap={6} style={{ marginBottom: 16 }}>
        <label htmlFor={`${id}-up`}>{t('docs.upload')}</label>
        <input id={`${id}-up`} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" disabled={upload.isPending}
          onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) upload.mutate({ file: f }); e.currentTarget.value = ''; }} />
        {upload.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(upload.error)} /> : null}
      </Flex>
      {docs.data.items.length ? (
        <List className="mc-online-list" dataSource={docs.data.items} renderItem={(d) => (
          <List.Item actions={[<a key="dl" href={documentFileUrl(d.id)}><Button size="small">{t('docs.download')}</Button></a>]}>
            <List.Item.Meta title={<span style={{ overflowWrap: 'anywhere' }}>{d.name}</span>}
              description={d.origin === 'result' ? t('docs.result', { code: d.dossierCode ?? '' }) : t('docs.uploaded', { date: formatDate(d.createdAt) })} />
          </List.Item>
        )} />
      ) : <Empty description={t('docs.empty')} />}
    </Card>
  );
}

export default function DocumentsPage() {
  return <div className="mc-container mc-online-page"><RequireCitizen><Documents /></RequireCitizen></div>;
}
