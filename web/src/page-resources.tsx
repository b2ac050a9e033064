/**
 * What every page but the dashboard needs before it renders: antd (its ConfigProvider and App, antd-scope.tsx)
 * and the page strings (i18n). Both are fetched with the first such page: the routes' loaders call
 * loadPageResources, so they load in parallel with the page's chunk (and on hover, with the router's preload).
 * The shell and the dashboard render without them; that keeps antd out of the dashboard's first load (issue 6).
 */
import { type ReactNode, use } from 'react';
import { loadPageStrings } from './i18n';

type AntdScopeModule = typeof import('./antd-scope');

let scopeModule: AntdScopeModule | undefined;
let pending: Promise<void> | undefined;

/** Loads antd's scope and the page strings once; a failed load (offline) is retried on the next call. */
export function loadPageResources(): Promise<void> {
  pending ??= Promise.all([
    import('./antd-scope').then((m) => {
      scopeModule = m;
    }),
    loadPageStrings(),
  ]).then(
    () => undefined,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/**
 * Renders `children` inside antd's providers. Routes load them first (their loader), so this normally renders at
 * once; a route without that loader suspends here until they are loaded.
 */
export function PageScope({ children }: { children: ReactNode }) {
  if (!scopeModule) use(loadPageResources());
  const Scope = scopeModule?.AntdScope;
  return Scope ? <Scope>{children}</Scope> : null;
}
