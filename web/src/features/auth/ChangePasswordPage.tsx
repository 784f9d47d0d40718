import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH } from '../../../../src/platform/auth/auth.schema';
import { errorMessage } from '../../shared/api';
import { homePath, safeNextPath, useAuth } from '../../shared/auth';
import { useLocale } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { AuthCard } from './AuthCard';
import { useAuthT } from './messages';

const MIN_LENGTH = PASSWORD_MIN_LENGTH;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const t = useAuthT();
  const locale = useLocale();
  const { user, changePassword } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success(t('password.done'));
      navigate(safeNextPath(params.get('next'), user ? homePath(user) : undefined), { replace: true });
    } catch (caught) {
      const unmatched = applyFieldErrors(form, caught, locale);
      setError(unmatched[0] ?? errorMessage(caught, locale));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard
      title={t('password.title')}
      subtitle={user?.mustChangePassword ? t('password.mustChange') : t('password.hint', { n: MIN_LENGTH })}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.required') },
            { min: MIN_LENGTH, message: t('password.minLength', { n: MIN_LENGTH }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('password.sameAsOld')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('password.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
