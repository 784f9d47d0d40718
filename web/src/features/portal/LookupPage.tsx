import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { usePortalT } from './messages';

/** Placeholder until the dossiers module answers public lookups by code. */
export default function LookupPage() {
  const t = usePortalT();
  const [params, setParams] = useSearchParams();
  const code = params.get('ma') ?? '';
  return (
    <div className="mc-container mc-section" style={{ maxWidth: 760 }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('lookupPage.title')}
      </Typography.Title>
      <Card>
        <Form
          key={code}
          layout="vertical"
          initialValues={{ code }}
          onFinish={(values: { code: string }) => setParams({ ma: values.code.trim() })}
        >
          <Form.Item
            name="code"
            label={t('lookupPage.code')}
            rules={[{ required: true, whitespace: true, message: t('lookupPage.required') }]}
          >
            <Input size="large" placeholder={t('lookup.placeholder')} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large">
            {t('lookup.button')}
          </Button>
        </Form>
        {code ? <Alert style={{ marginTop: 20 }} type="info" showIcon title={t('lookupPage.soon')} /> : null}
      </Card>
    </div>
  );
}
