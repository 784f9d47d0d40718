import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Spin, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../shared/api';
import { useLocale } from '../../shared/i18n';
import { useSite } from '../../shared/site';
import { usePublicLookup } from './api';
import { LookupResult } from './LookupResult';
import { useLookupT } from './messages';

interface Values {
  code: string;
  secret: string;
}

/**
 * Public lookup by dossier code and the secret printed on the receipt (Ninh Bình QĐ 163/2025
 * art. 15(6): by code, by the receipt's QR, or at the counter). `?ma=<code>&key=<secret>` comes
 * from the QR code — receipts printed earlier carry `&k=`, and `&secret=` is read too; the home
 * page's box passes only `?ma=`. Without the right secret nothing is shown.
 */
export default function LookupPage() {
  const t = useLookupT();
  const locale = useLocale();
  const site = useSite();
  const [params, setParams] = useSearchParams();
  const code = (params.get('ma') ?? '').trim();
  const secret = (params.get('key') ?? params.get('k') ?? params.get('secret') ?? '').trim().toUpperCase();
  const lookup = usePublicLookup(code, secret);
  useEffect(() => {
    document.title = `${t('title')} — ${site.portalName}`;
  }, [t, site.portalName]);

  const notFound = lookup.isError && isApiError(lookup.error) && lookup.error.status === 404;
  return (
    <div className="mc-section">
      <div className="mc-container" style={{ maxWidth: 880 }}>
        <Typography.Title level={1} style={{ fontSize: 26 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <Card>
          <Form<Values>
            key={`${code}|${secret}`}
            layout="vertical"
            initialValues={{ code, secret }}
            onFinish={(v) => setParams({ ma: v.code.trim(), key: v.secret.trim().toUpperCase() })}
            requiredMark={false}
          >
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item name="code" label={t('code')} rules={[{ required: true, whitespace: true, message: t('codeRequired') }]}>
                  <Input size="large" placeholder={t('codePlaceholder')} autoComplete="off" spellCheck={false} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item
                  name="secret"
                  label={t('secret')}
                  extra={t('secretHint')}
                  normalize={(v: string) => v.toUpperCase()}
                  rules={[{ required: true, whitespace: true, message: t('secretRequired') }]}
                >
                  <Input size="large" maxLength={20} autoComplete="off" spellCheck={false} autoFocus={Boolean(code && !secret)} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" size="large" icon={<SearchOutlined aria-hidden />} loading={lookup.isFetching}>
              {t('submit')}
            </Button>
          </Form>
          {code && !secret ? <Alert style={{ marginTop: 20 }} type="info" showIcon title={t('needSecret')} /> : null}
          {lookup.isError ? (
            <Alert style={{ marginTop: 20 }} type={notFound ? 'warning' : 'error'} showIcon role="alert" title={notFound ? t('notFound') : errorMessage(lookup.error, locale)} />
          ) : null}
        </Card>
        {lookup.isFetching && !lookup.data ? (
          <div className="mc-center-fill" style={{ minHeight: 160 }}>
            <Spin />
          </div>
        ) : null}
        {lookup.data ? <LookupResult dossier={lookup.data} /> : null}
      </div>
    </div>
  );
}
