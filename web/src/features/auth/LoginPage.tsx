import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api';
import { CHANGE_PASSWORD_PATH, homePath, safeNextPath, useAuth } from '../../shared/auth';
import { useLocale } from '../../shared/i18n';
import { FullPageSpin } from '../../shared/ui/StatusPages';
import { AuthCard } from './AuthCard';
import { useAuthT } from './messages';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useAuthT();
  const locale = useLocale();
  const { status, user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<Credentials>();
  const next = params.get('next');

  if (status === 'loading') return <FullPageSpin />;
  if (user && !submitting) return <Navigate to={safeNextPath(next, homePath(user))} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await login(username.trim(), password);
      const target = safeNextPath(next, homePath(signedIn));
      navigate(
        signedIn.mustChangePassword ? `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(target)}` : target,
        { replace: true },
      );
    } catch (caught) {
      setError(caught);
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')}>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('login.failed')}
          description={errorMessage(error, locale)}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={submitting}>
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input size="large" prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password size="large" prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/">{t('login.backToPortal')}</Link>
      </div>
    </AuthCard>
  );
}
