/** Top bar: the user's scope, language switch, the user and sign-out. */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout, ME_KEY } from '../api/auth';
import type { Me } from '../api/types';
import { Icon } from './icons';
import { LangSwitch } from './lang-switch';
import { Button } from './ui';

/** Header of the app shell; everything the user sees about themselves is rendered as text. */
export function AppHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // Sign out locally even if the server is unreachable; the session expires on its own.
    }
    queryClient.setQueryData(ME_KEY, null);
    await navigate({ to: '/login' });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }

  return (
    <header className="ht-header">
      <div className="ht-header-scope">
        <Icon name="bank" />
        <span className="ht-strong ht-ellipsis" data-testid="scope-label" title={me.scope.label}>
          {me.scope.label}
        </span>
      </div>
      <div className="ht-header-tools">
        <LangSwitch />
        <Link to="/account" data-testid="user-menu" className="ht-user" title={t('nav.account')}>
          <span className="ht-avatar">
            <Icon name="user" />
          </span>
          <span className="ht-user-text">
            <span className="ht-strong">{me.fullName}</span>
            <span className="ht-secondary ht-small">{me.roleLabel}</span>
          </span>
        </Link>
        <Button icon="logout" onClick={onLogout} loading={leaving} testId="logout">
          {t('header.logout')}
        </Button>
      </div>
    </header>
  );
}
