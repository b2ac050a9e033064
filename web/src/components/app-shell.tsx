/** The signed-in layout: side menu, header, and the current page. */
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { meQueryOptions } from '../api/auth';
import { CurrentUserProvider } from '../current-user';
import { PageScope } from '../page-resources';
import { AppHeader } from './app-header';
import { SideNav } from './side-nav';

/**
 * Layout of every page behind sign-in; sends the browser to /login once the session is gone. The layout is drawn
 * without antd (shell.css); pages other than the dashboard are wrapped in antd's providers.
 */
export function AppShell() {
  const { data: me } = useQuery(meQueryOptions());
  const withoutAntd = useRouterState({
    select: (s) => s.matches.some((m) => m.staticData.withoutAntd === true),
  });
  if (!me) return <Navigate to="/login" />;
  return (
    <CurrentUserProvider me={me}>
      <div className="ht-layout">
        <SideNav me={me} />
        <div className="ht-main">
          <AppHeader me={me} />
          <main className="ht-content">
            {withoutAntd ? (
              <Outlet />
            ) : (
              <PageScope>
                <Outlet />
              </PageScope>
            )}
          </main>
        </div>
      </div>
    </CurrentUserProvider>
  );
}
