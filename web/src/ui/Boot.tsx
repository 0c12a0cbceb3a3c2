"use client";

import { useEffect, useState, type ReactNode } from "react";
import { loadConfig, type ConfigResult } from "@/config/config";
import { SessionProvider } from "@/auth/Session";
import { I18nProvider } from "@/i18n/I18n";
import { detectLocale, LOCALE_STORAGE_KEY, type Locale } from "@/i18n/locale";
import { AppShell } from "./AppShell";
import { browserStorage } from "./browserStorage";
import { ConfigErrorPage } from "./ConfigErrorPage";
import { Loading } from "./Loading";

/** Everything the pages need that is only known in the browser: /config.json, the language, the session. */
export function Boot({ children }: { children: ReactNode }) {
  const [boot, setBoot] = useState<{ config: ConfigResult; locale: Locale }>();
  useEffect(() => {
    const stored = browserStorage()?.getItem(LOCALE_STORAGE_KEY) ?? null;
    const locale = detectLocale(stored, navigator.languages);
    loadConfig().then((config) => setBoot({ config, locale }));
  }, []);

  if (!boot) return <Loading />;
  return (
    <I18nProvider initialLocale={boot.locale}>
      {boot.config.ok ? (
        <SessionProvider config={boot.config.config}>
          <AppShell>{children}</AppShell>
        </SessionProvider>
      ) : (
        <AppShell>
          <ConfigErrorPage problems={boot.config.problems} />
        </AppShell>
      )}
    </I18nProvider>
  );
}
