/** The signed-in user, shared by every page; sign-in and sign-out through the server's auth routes. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type User } from './api.js';
import { onUnauthorized } from './http.js';
import type { MessageKey } from './i18n.js';

interface AuthState {
  /** `undefined` while the session is being read */
  user: User | null | undefined;
  signIn: (login: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** the session expired: shown on the sign-in page */
  expired: boolean;
  /** why the user was signed out, shown on the sign-in page (a new password, sign-out everywhere) */
  notice: MessageKey | null;
  /** the server ended this session on the user's request: back to sign-in with `notice` */
  ended: (notice: MessageKey) => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const [notice, setNotice] = useState<MessageKey | null>(null);

  useEffect(() => {
    let live = true;
    api.session().then(
      (u) => live && setUser(u),
      () => live && setUser(null),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        setUser((u) => {
          if (u) setExpired(true);
          return null;
        });
      }),
    [],
  );

  const signIn = useCallback(async (login: string, password: string) => {
    const u = await api.signIn(login, password);
    setExpired(false);
    setNotice(null);
    setUser(u);
    return u;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setExpired(false);
      setNotice(null);
      setUser(null);
    }
  }, []);

  const ended = useCallback((why: MessageKey) => {
    setExpired(false);
    setNotice(why);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut, expired, notice, ended }), [user, signIn, signOut, expired, notice, ended]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user on a page that is only shown signed in. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
