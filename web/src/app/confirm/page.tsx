import { Suspense } from "react";
import { ConfirmEmail } from "@/auth/ConfirmEmail";

export default function ConfirmPage() {
  return (
    <Suspense>
      <ConfirmEmail />
    </Suspense>
  );
}
