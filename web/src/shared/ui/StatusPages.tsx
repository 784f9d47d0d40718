import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';

export function FullPageSpin() {
  const t = useT();
  return (
    <div className="mc-center-fill" aria-busy="true">
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.desc')}
      extra={
        <Link to="/">
          <Button type="primary">{t('action.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.desc')}
      extra={
        <Link to="/">
          <Button>{t('action.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ComingSoon({ title }: { title?: string }) {
  const t = useT();
  return <Result status="info" title={title ?? t('common.comingSoon')} subTitle={t('common.comingSoonDesc')} />;
}
