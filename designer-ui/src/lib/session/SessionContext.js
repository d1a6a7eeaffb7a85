import { createContext, useContext } from 'react';

export const SessionContext = createContext(null);

/** The signed-in user ({ username, roles, tenant, scope, isAdmin, isPlatformAdmin }) and logout. */
export function useSession() {
  return useContext(SessionContext);
}
