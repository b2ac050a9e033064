/** The signed-in user, provided by the app shell to every page inside it. */
import { createContext, type ReactNode, useContext } from 'react';
import type { Permission } from '../../core/permissions';
import type { Me } from './api/types';

const CurrentUserContext = createContext<Me | null>(null);

/** Makes `me` available to the pages below. */
export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in user; only valid inside the app shell. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser() used outside the app shell');
  return me;
}

/** True when `me` holds the permission (the server decides; this only hides what would be refused). */
export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
