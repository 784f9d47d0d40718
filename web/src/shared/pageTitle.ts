import { useEffect, useLayoutEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useSite } from './site';

/**
 * One scheme for the browser tab and history: "<page> — <portal name>", e.g. "Nhật ký hệ thống —
 * Cổng Dịch vụ công tỉnh Lai Châu"; the home page is the portal name alone.
 */
export function composeTitle(page: string | null | undefined, siteName: string): string {
  const clean = page?.replace(/\s+/g, ' ').trim();
  return clean && clean !== siteName ? `${clean} — ${siteName}` : siteName;
}

/** The title the page at a path asked for, so a layout that re-renders later keeps it. */
let named: { pathname: string; page: string } | null = null;

/** Sets the tab title of the page being shown. PageHeader calls it; pages without one call it themselves. */
export function usePageTitle(page: string | null | undefined): void {
  const site = useSite();
  const { pathname } = useLocation();
  useEffect(() => {
    named = page ? { pathname, page } : null;
    document.title = composeTitle(page, site.portalName);
  }, [page, site.portalName, pathname]);
}

/**
 * For layouts: on every navigation the title falls back to `page` (the surface) before the new
 * page's own title is set, so a page that names nothing never shows the previous page's title.
 * A layout effect runs before the pages' (passive) effects; when the layout runs again on the same
 * path (the portal's name arrived), it keeps the page's own title.
 */
export function useFallbackTitle(page: string | null | undefined): void {
  const site = useSite();
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    const own = named?.pathname === pathname ? named.page : page;
    document.title = composeTitle(own, site.portalName);
  }, [page, site.portalName, pathname]);
}
