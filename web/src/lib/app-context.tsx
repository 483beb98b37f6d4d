import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import type { ApiResponse } from './api-types.ts';
import { useNotices, type Notices } from './notices.tsx';
import type { Permission } from './vocab.ts';

/** The signed-in user, as /api/auth/me answers. */
export type Me = ApiResponse<'/api/auth/me'>['user'];
/** The user's organisation with its locations, departments and staff roster. */
export type OrgData = ApiResponse<'/api/org'>;
export type Location = OrgData['locations'][number];
export type Department = OrgData['departments'][number];
export type StaffMember = OrgData['staff'][number];

interface AppContextValue extends Notices {
  me: Me;
  can(permission: Permission): boolean;
  org: OrgData | null;
  reloadOrg(): Promise<void>;
}

const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppProvider');
  return ctx;
}

/** The session inside the shell: who is signed in, what they may do, and their organisation. */
export function AppProvider({ me, children }: { me: Me; children: ReactNode }) {
  const { reportError, notify } = useNotices();
  const [org, setOrg] = useState<OrgData | null>(null);
  const reloadOrg = useCallback(async () => {
    try {
      setOrg(await api<OrgData>('/api/org'));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  useEffect(() => {
    void reloadOrg();
  }, [reloadOrg]);

  const can = useCallback((permission: Permission) => me.permissions.includes(permission), [me]);
  const value = useMemo(() => ({ me, can, reportError, notify, org, reloadOrg }), [me, can, reportError, notify, org, reloadOrg]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
