import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api';
import { useT } from '../i18n';

export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && (error.code === 'STALE_VERSION' || (error.status === 409 && error.code === 'CONFLICT'));
}

/**
 * Someone else saved the record first (409 STALE_VERSION): say so, then reload it so the user
 * edits the latest version instead of overwriting it.
 */
export function useStaleVersionNotice() {
  const t = useT();
  const { modal } = App.useApp();
  return useCallback(
    (reload: () => unknown) => {
      modal.warning({
        title: t('error.staleTitle'),
        content: t('error.stale'),
        okText: t('action.reload'),
        onOk: () => {
          void reload();
        },
      });
    },
    [modal, t],
  );
}
