import { createContext, useContext } from 'react';

const ApiContext = createContext(null);

/** Gives every screen the client made by the app shell (token, logout on 401). */
export const ApiProvider = ApiContext.Provider;

export function useApi() {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside <ApiProvider>');
  return client;
}
