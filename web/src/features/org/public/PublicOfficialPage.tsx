import { Avatar, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { MessageOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { usePublicOfficial } from '../api';
import { useOrgT } from '../i18n';

/** The page a badge's QR code opens: who this official is, in which agency and province. */
export default function PublicOfficialPage() {
  const t = useOrgT();
  const { publicId = '' } = useParams();
  const official = usePublicOfficial(publicId);
  const navigate = useNavigate();
  const feedbackPath = `/phan-anh?canbo=${encodeURIComponent(publicId)}`;

  let body;
  if (official.isPending) {
    body = <Skeleton avatar active paragraph={{ rows: 4 }} />;
  } else if (official.isError) {
    body =
      isApiError(official.error) && official.error.status === 404 ? (
        <Result status="warning" title={t('public.notFound')} />
      ) : (
        <ErrorResult error={official.error} onRetry={() => void official.refetch()} />
      );
  } else {
    const person = official.data;
    body = (
      <>
        <Flex vertical align="center" gap={8} style={{ textAlign: 'center', marginBottom: 16 }}>
          <Avatar size={112} src={person.photoUrl ?? undefined} icon={<UserOutlined />} alt={person.fullName} />
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="official-name">
            {person.fullName}
          </Typography.Title>
          {person.position ? <Typography.Text strong>{person.position}</Typography.Text> : null}
          {/* A section's name repeats in every commune: the agency and the province say which one. */}
          <Flex vertical data-testid="official-affiliation">
            <Typography.Text type="secondary">{person.unitName}</Typography.Text>
            {person.agencyName ? <Typography.Text>{person.agencyName}</Typography.Text> : null}
            {person.provinceName ? <Typography.Text type="secondary">{person.provinceName}</Typography.Text> : null}
          </Flex>
        </Flex>
        {person.badgeNumber ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('person.badgeNumber')}>{person.badgeNumber}</Descriptions.Item>
          </Descriptions>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          <SafetyCertificateOutlined style={{ color: '#389e0d' }} /> {t('public.verified')}
        </Typography.Paragraph>
        {/* The badge QR's page offers feedback about this official (PAKN, issue 12): the form opens with the
            official named and the conduct category chosen. */}
        <Typography.Paragraph>{t('public.feedbackHint')}</Typography.Paragraph>
        <Button type="primary" size="large" block icon={<MessageOutlined aria-hidden />} href={feedbackPath}
          onClick={(e) => { e.preventDefault(); navigate(feedbackPath); }} style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}>
          {t('public.feedback')}
        </Button>
      </>
    );
  }

  return (
    <div className="mc-container mc-section" style={{ maxWidth: 600 }}>
      <Card title={t('public.title')}>{body}</Card>
    </div>
  );
}
