import { Client, cacheExchange, fetchExchange, subscriptionExchange, type Exchange } from "urql";
import { createClient as createWsClient } from "graphql-ws";
import type { Config } from "@/config/config";
import { liveMode } from "./live";

/** Resolves to the access token to send, or null to ask anonymously. */
export type AccessToken = () => Promise<string | null>;

export function createGraphqlClient(config: Config, accessToken: AccessToken, pageUrl: string): Client {
  const exchanges: Exchange[] = [cacheExchange, fetchExchange];
  const live = liveMode(config, pageUrl);
  if (live.kind === "subscription") {
    const ws = createWsClient({
      url: live.url,
      lazy: true,
      connectionParams: async () => {
        const token = await accessToken();
        return token ? { Authorization: `Bearer ${token}` } : {};
      },
    });
    exchanges.push(
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? "" }, sink) }),
        }),
      }),
    );
  }
  return new Client({
    url: config.graphqlUrl,
    preferGetMethod: false,
    exchanges,
    // a custom fetch, because the token may need refreshing first (fetchOptions cannot wait)
    fetch: async (input, init) => {
      const token = await accessToken();
      const headers = new Headers(init?.headers);
      if (token) headers.set("Authorization", `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });
}
