import type { ComponentType, ReactNode } from 'react';
import type { Role } from './auth/types';
import type { LocalizedLabel } from './i18n';

/**
 * Where a page lives. public: the citizen portal under "/"; staff: the workspace under "/can-bo";
 * admin: administration under "/quan-tri"; bare: a top-level page with no surrounding layout.
 */
export type Surface = 'public' | 'staff' | 'admin' | 'bare';

export const SURFACE_BASE: Record<Surface, string> = {
  public: '/',
  staff: '/can-bo',
  admin: '/quan-tri',
  bare: '/',
};

export interface MenuEntry {
  label: LocalizedLabel;
  icon?: ReactNode;
  /** Lower comes first; entries of all modules are merged and sorted. */
  order: number;
}

export interface PageDefinition {
  surface: Surface;
  /** Relative to the surface base: "" is its index, "don-vi", "can-bo-cong-khai/:publicId". */
  path: string;
  /** Usually React.lazy(() => import('./SomePage')) so each page is its own chunk. */
  component: ComponentType;
  /** Any one of these roles admits (staff/admin surfaces, or bare pages with requireAuth). */
  roles?: readonly Role[];
  /** For bare pages: sign-in required. Staff and admin pages always require it. */
  requireAuth?: boolean;
  /** Shown in the surface's menu (the side menu, or the portal's top navigation). */
  menu?: MenuEntry;
}

/** A feature folder's contribution to the app; add it to web/src/app/modules.ts. */
export interface FeatureModule {
  id: string;
  pages: PageDefinition[];
  /** A small widget for the staff and admin workspace header (e.g. the notification bell). */
  header?: ComponentType;
}

export function defineModule(module: FeatureModule): FeatureModule {
  return module;
}

export function pagePath(page: Pick<PageDefinition, 'surface' | 'path'>): string {
  const base = SURFACE_BASE[page.surface];
  if (!page.path) return base;
  return base === '/' ? `/${page.path}` : `${base}/${page.path}`;
}

/** A menu entry with its absolute path, as the layouts receive it. */
export interface NavItem extends MenuEntry {
  path: string;
  roles?: readonly Role[];
}

export function navItems(modules: readonly FeatureModule[], surface: Surface): NavItem[] {
  return modules
    .flatMap((m) => m.pages)
    .filter((page) => page.surface === surface && page.menu)
    .map((page) => ({ ...(page.menu as MenuEntry), path: pagePath(page), roles: page.roles }))
    .sort((a, b) => a.order - b.order);
}
