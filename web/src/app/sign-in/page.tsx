import { Suspense } from "react";
import { SignIn } from "@/auth/SignIn";

export default function SignInPage() {
  return (
    <Suspense>
      <SignIn />
    </Suspense>
  );
}
