/** The signed-in user, shared by every page; sign-in and sign-out through the server's auth routes. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type User } from './api.js';
import { onUnauthorized } from './http.js';

interface AuthState {
  /** `undefined` while the session is being read */
  user: User | null | undefined;
  signIn: (login: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  /** the session expired: shown on the sign-in page */
  expired: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

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
    setUser(u);
    return u;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setExpired(false);
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut, expired }), [user, signIn, signOut, expired]);
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
