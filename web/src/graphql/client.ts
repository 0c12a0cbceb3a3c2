import { Client, cacheExchange, fetchExchange, subscriptionExchange, type Exchange } from "urql";
import { createClient as createWsClient } from "graphql-ws";
import type { Config } from "@/config/config";
import { authorizedFetch, type AccessToken } from "./authorizedFetch";
import { liveMode } from "./live";

export function createGraphqlClient(config: Config, accessToken: AccessToken, onTokenRefused: () => void, pageUrl: string): Client {
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
    fetch: authorizedFetch(accessToken, onTokenRefused),
  });
}
