/** The signed-in layout: side menu, header, and the current page. */
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet } from '@tanstack/react-router';
import { Layout } from 'antd';
import { meQueryOptions } from '../api/auth';
import { CurrentUserProvider } from '../current-user';
import { AppHeader } from './app-header';
import { SideNav } from './side-nav';

/** Layout of every page behind sign-in; sends the browser to /login once the session is gone. */
export function AppShell() {
  const { data: me } = useQuery(meQueryOptions());
  if (!me) return <Navigate to="/login" />;
  return (
    <CurrentUserProvider me={me}>
      <Layout hasSider style={{ minHeight: '100vh' }}>
        <SideNav me={me} />
        <Layout>
          <AppHeader me={me} />
          <Layout.Content style={{ padding: 20 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </CurrentUserProvider>
  );
}
