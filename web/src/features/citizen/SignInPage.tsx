import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { citizenSignInUrl, useCitizenT } from '../../shared/citizen';
import { usePageTitle } from '../../shared/pageTitle';
import { type CitizenPageKey, useCitizenPageT } from './messages';

/**
 * Where the e-ID sign-in ends when it is refused (`?loi=CODE` from the server's callback): what went
 * wrong in the citizen's words, and a way to start again.
 */
export default function SignInPage() {
  const t = useCitizenPageT();
  const tc = useCitizenT();
  const [params] = useSearchParams();
  const code = params.get('loi');
  const key = `refusal.${code}` as CitizenPageKey;
  const known = code && /^OIDC_[A-Z_]+$/.test(code) && t(key) !== key;
  usePageTitle(t('signInPage.title'));
  return (
    <Card style={{ maxWidth: 560, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('signInPage.title')}</Typography.Title>
      {code ? (
        <Alert type="error" showIcon role="alert" message={t('signInPage.refused')} description={known ? t(key) : t('refusal.unknown')} style={{ marginBottom: 16 }} />
      ) : (
        <Typography.Paragraph>{tc('signIn.intro')}</Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        <Button type="primary" size="large" href={citizenSignInUrl('/cong-dan/tai-khoan')}>{code ? t('signInPage.retry') : tc('signIn.button')}</Button>
        <Link to="/"><Button size="large">{t('signInPage.home')}</Button></Link>
      </Flex>
    </Card>
  );
}
