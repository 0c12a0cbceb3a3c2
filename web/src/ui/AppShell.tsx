"use client";

import Link from "next/link";
import { useContext, type ReactNode } from "react";
import { SessionContext } from "@/auth/Session";
import { useI18n } from "@/i18n/I18n";
import { LOCALES, type Locale } from "@/i18n/locale";
import { MESSAGES } from "@/i18n/messages";

/** Header, navigation and language switch around every page; without a session (bad config) only the switch. */
export function AppShell({ children }: { children: ReactNode }) {
  const { m, locale, setLocale } = useI18n();
  const session = useContext(SessionContext);
  return (
    <>
      <a className="skip-link" href="#main">
        {m.app.skipToContent}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          {m.app.name} <span className="tagline">{m.app.tagline}</span>
        </Link>
        {session && (
          <nav aria-label={m.app.primaryNav}>
            <ul>
              <li>
                <Link href="/">{m.nav.events}</Link>
              </li>
              {session.user ? (
                <>
                  <li>
                    <Link href="/bookings/">{m.nav.myBookings}</Link>
                  </li>
                  {session.user.organizer && (
                    <li>
                      <Link href="/organizer/">{m.nav.myEvents}</Link>
                    </li>
                  )}
                  <li>
                    <button type="button" className="link-button" onClick={session.signOut}>
                      {m.nav.signOut}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <Link href="/sign-in/">{m.nav.signIn}</Link>
                  </li>
                  <li>
                    <Link href="/sign-up/">{m.nav.signUp}</Link>
                  </li>
                </>
              )}
            </ul>
          </nav>
        )}
        <label className="language">
          <span>{m.app.language}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {MESSAGES[l].languageName}
              </option>
            ))}
          </select>
        </label>
        {session?.user && <p className="signed-in">{m.nav.signedInAs(session.user.email)}</p>}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
