/** Browser entry: i18n first, then the session-expiry handler, then render. */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ME_KEY } from './api/auth';
import { setUnauthorizedHandler } from './api/client';
import { AppProviders } from './app-providers';
import { i18nReady } from './i18n';
import './shell.css';
import { queryClient } from './query-client';
import { router } from './router';

setUnauthorizedHandler(() => {
  // The session ended: forget the user first (the login route redirects a known user away).
  queryClient.setQueryData(ME_KEY, null);
  void router.navigate({ to: '/login' }).then(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  });
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');
void i18nReady.then(() =>
  createRoot(rootElement).render(
    <StrictMode>
      <AppProviders />
    </StrictMode>,
  ),
);
