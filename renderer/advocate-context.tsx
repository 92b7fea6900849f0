/**
 * The window's only door to the app: `window.advocate`, handed down through context so component
 * tests can pass a fake with the same type.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { AdvocateApi } from '../common/ipc/contract.ts';

const AdvocateContext = createContext<AdvocateApi | null>(null);

export function AdvocateProvider({ api, children }: { api: AdvocateApi; children: ReactNode }) {
  return <AdvocateContext.Provider value={api}>{children}</AdvocateContext.Provider>;
}

export function useAdvocate(): AdvocateApi {
  const api = useContext(AdvocateContext);
  if (!api) throw new Error('useAdvocate needs an AdvocateProvider');
  return api;
}
