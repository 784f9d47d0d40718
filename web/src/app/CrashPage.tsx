import { Button, Result } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { useT } from '../shared/i18n';
import { NotFoundPage } from '../shared/ui/StatusPages';

/** Shown instead of a blank screen when a page throws while rendering or its chunk fails to load. */
export function CrashPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="mc-center-fill">
      <Result
        status="error"
        title={t('error.pageCrashed')}
        subTitle={t('error.unexpected')}
        extra={
          <Button type="primary" icon={<ReloadOutlined />} onClick={() => window.location.reload()}>
            {t('action.reload')}
          </Button>
        }
      />
    </div>
  );
}
