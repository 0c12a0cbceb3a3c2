"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Provider as GraphqlProvider } from "urql";
import type { Config } from "@/config/config";
import { createGraphqlClient } from "@/graphql/client";
import { Loading } from "@/ui/Loading";
import { Cognito, type SignedIn } from "./cognito";

type Session = {
  config: Config;
  user: SignedIn | null;
  cognito: Cognito;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
};

export const SessionContext = createContext<Session | null>(null);

/** Who is signed in, and a GraphQL client acting as them (made anew on sign-in and sign-out, so no cached answer crosses users). */
export function SessionProvider({ config, children }: { config: Config; children: ReactNode }) {
  const cognito = useMemo(() => new Cognito(config), [config]);
  const [user, setUser] = useState<SignedIn | null | undefined>(undefined);
  useEffect(() => {
    cognito.current().then(setUser);
  }, [cognito]);

  const signIn = useCallback(async (email: string, password: string) => setUser(await cognito.signIn(email, password)), [cognito]);
  const signOut = useCallback(async () => {
    await cognito.signOut();
    setUser(null);
  }, [cognito]);

  const email = user?.email;
  const client = useMemo(
    () => createGraphqlClient(config, async () => (await cognito.current())?.accessToken ?? null, signOut, window.location.href),
    [config, cognito, signOut, email], // email: one client per signed-in user
  );
  const session = useMemo(
    () => ({ config, user: user ?? null, cognito, signIn, signOut }),
    [config, user, cognito, signIn, signOut],
  );
  if (user === undefined) return <Loading />;
  return (
    <SessionContext value={session}>
      <GraphqlProvider value={client}>{children}</GraphqlProvider>
    </SessionContext>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

export function useConfig(): Config {
  return useSession().config;
}
