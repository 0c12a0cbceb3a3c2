import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Boot } from "@/ui/Boot";
import "./globals.css";

export const metadata: Metadata = { title: "Kippu" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Boot>{children}</Boot>
      </body>
    </html>
  );
}
