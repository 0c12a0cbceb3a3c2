"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useSession } from "@/auth/Session";
import { useI18n } from "@/i18n/I18n";

/**
 * The organizer area for members of the organizers group (by the access token); others are told why
 * instead of asking what the API would refuse. The API decides: a FORBIDDEN answer is still shown.
 */
export function OrganizerOnly({ here, children }: { here: string; children: ReactNode }) {
  const { m } = useI18n();
  const { user } = useSession();
  if (!user) {
    return (
      <p>
        <Link href={`/sign-in/?next=${encodeURIComponent(here)}`}>{m.organizer.signInFirst}</Link>
      </p>
    );
  }
  if (!user.organizer) return <p className="alert">{m.organizer.notOrganizer}</p>;
  return children;
}
