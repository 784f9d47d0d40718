import { Alert, Button, Result, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { isApiError } from '../api';
import { useLocale, useT } from '../i18n';

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** "inline" renders a compact alert inside a page; "page" a full result. */
  variant?: 'inline' | 'page';
}

/** A friendly explanation of a failed request, in the current locale, with the request id. */
export function ErrorResult({ error, onRetry, variant = 'page' }: Props) {
  const t = useT();
  const locale = useLocale();
  const message = isApiError(error) ? error.messageIn(locale) : t('error.unexpected');
  const requestId = isApiError(error) ? error.requestId : undefined;
  const retry = onRetry ? (
    <Button icon={<ReloadOutlined />} onClick={onRetry}>
      {t('action.retry')}
    </Button>
  ) : null;
  const detail = requestId ? (
    <Typography.Text type="secondary" copyable={{ text: requestId }}>
      {t('error.requestId', { id: requestId })}
    </Typography.Text>
  ) : null;

  if (variant === 'inline') {
    return (
      <Alert
        type="error"
        showIcon
        title={message}
        description={detail}
        action={retry}
        role="alert"
      />
    );
  }
  return (
    <Result
      status="warning"
      title={t('error.title')}
      subTitle={
        <>
          <div role="alert">{message}</div>
          {detail}
        </>
      }
      extra={retry}
    />
  );
}
