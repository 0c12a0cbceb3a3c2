"use client";

import Link from "next/link";
import { useI18n } from "@/i18n/I18n";

export default function NotFound() {
  const { m } = useI18n();
  return (
    <section>
      <h1>{m.notFound.title}</h1>
      <p>
        <Link href="/">{m.notFound.home}</Link>
      </p>
    </section>
  );
}
