"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatter, type Formatter } from "./format";
import { LOCALE_STORAGE_KEY, type Locale } from "./locale";
import { MESSAGES, type Messages } from "./messages";
import { browserStorage } from "@/ui/browserStorage";

type I18n = { locale: Locale; m: Messages; f: Formatter; setLocale(locale: Locale): void };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      browserStorage()?.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // not remembered; the choice still holds for this visit
    }
  }, []);
  const value = useMemo(() => ({ locale, m: MESSAGES[locale], f: formatter(locale), setLocale }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
