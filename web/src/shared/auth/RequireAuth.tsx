import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { ErrorResult } from '../ui/ErrorResult';
import { ForbiddenPage, FullPageSpin } from '../ui/StatusPages';
import { useAuth } from './AuthProvider';
import { type Role, hasAnyRole } from './types';

export const SIGN_IN_PATH = '/dang-nhap';
export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';

/** Where to come back to after signing in; only paths inside this app are accepted. */
export function safeNextPath(next: string | null | undefined, fallback = '/can-bo'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith(SIGN_IN_PATH)) return fallback;
  return next;
}

interface Props {
  children: ReactNode;
  /** Any one of these roles admits; none given means any signed-in staff member. */
  roles?: readonly Role[];
}

export function RequireAuth({ children, roles }: Props) {
  const { status, user, error, refresh } = useAuth();
  const location = useLocation();
  const t = useT();
  const here = `${location.pathname}${location.search}`;

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') {
    return (
      <div className="mc-center-fill">
        <div>
          <ErrorResult error={error} onRetry={() => void refresh()} />
          <div style={{ textAlign: 'center' }}>
            <Link to="/">{t('action.backHome')}</Link>
          </div>
        </div>
      </div>
    );
  }
  if (!user) return <Navigate to={`${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`} replace />;
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={`${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(here)}`} replace />;
  }
  if (!hasAnyRole(user, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}
