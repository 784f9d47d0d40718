import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Timeline, Typography } from 'antd';
import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { usePageTitle } from '../../../shared/pageTitle';
import { usePublicStatus } from '../api';
import { useFeedbackT } from '../i18n';
import { FeedbackStatusTag } from '../tags';
import '../feedback.css';

/** `/phan-anh/tra-cuu?ma=&key=`: the status and its history by code and lookup key; nothing personal. */
export default function LookupPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const code = (params.get('ma') ?? '').trim();
  const secret = (params.get('key') ?? '').trim();
  const lookup = usePublicStatus(code, secret);
  usePageTitle(t('lookup.title'));
  const notFound = lookup.isError && isApiError(lookup.error) && lookup.error.status === 404;
  const d = lookup.data;
  return (
    <div className="mc-container mc-fb-page">
      <Card className="mc-fb-card">
        <Typography.Title level={1} className="mc-fb-h1">{t('lookup.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('lookup.intro')}</Typography.Paragraph>
        <Form<{ code: string; secret: string }>
          key={`${code}|${secret}`}
          layout="vertical"
          requiredMark={false}
          initialValues={{ code, secret }}
          onFinish={(v) => setParams({ ma: v.code.trim().toUpperCase(), key: v.secret.trim() })}
        >
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="code" label={t('lookup.code')} rules={[{ required: true, whitespace: true, message: t('lookup.codeRequired') }]}>
                <Input size="large" placeholder={t('lookup.codePlaceholder')} autoComplete="off" spellCheck={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="secret" label={t('lookup.secret')} rules={[{ required: true, whitespace: true, message: t('lookup.secretRequired') }]}>
                <Input size="large" maxLength={40} autoComplete="off" spellCheck={false} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" size="large" icon={<SearchOutlined aria-hidden />} loading={lookup.isFetching}>{t('lookup.submit')}</Button>
        </Form>
        {lookup.isError ? (
          <Alert style={{ marginTop: 20 }} type={notFound ? 'warning' : 'error'} showIcon role="alert" title={notFound ? t('lookup.notFound') : errorMessage(lookup.error, locale)} />
        ) : null}
        {d ? (
          <section aria-labelledby="fb-result" style={{ marginTop: 20 }} data-testid="feedback-status">
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={2} id="fb-result" className="mc-fb-h2" style={{ margin: 0 }}>{d.code}</Typography.Title>
              <FeedbackStatusTag status={d.status} />
            </Flex>
            <Typography.Paragraph strong style={{ marginTop: 8, overflowWrap: 'anywhere' }}>{d.title}</Typography.Paragraph>
            <Descriptions size="small" bordered column={1} items={[
              { key: 'status', label: t('lookup.status'), children: d.statusLabel?.[locale] ?? t(`status.${d.status}`) },
              ...(d.unitName ? [{ key: 'unit', label: t('lookup.unit'), children: d.unitName }] : []),
              { key: 'received', label: t('lookup.received'), children: formatDateTime(d.receivedAt) },
              { key: 'due', label: t('lookup.due'), children: formatDateTime(d.dueAt) || '—' },
              ...(d.answeredAt ? [{ key: 'answered', label: t('lookup.answered'), children: formatDateTime(d.answeredAt) }] : []),
            ]} />
            <Typography.Title level={3} className="mc-fb-h2">{t('lookup.history')}</Typography.Title>
            <Timeline items={[...d.history].reverse().map((h, i) => ({
              key: i,
              children: <><Typography.Text strong>{h.label?.[locale] ?? h.action}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text></>,
            }))} />
            {d.status === 'published' ? <Link to="/phan-anh/cong-khai">{t('menu.published')}</Link> : null}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
              <LockOutlined aria-hidden /> {t('lookup.privacy')}
            </Typography.Paragraph>
          </section>
        ) : null}
      </Card>
    </div>
  );
}
