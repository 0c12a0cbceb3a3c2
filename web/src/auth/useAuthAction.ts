"use client";

import { useState } from "react";
import { authErrorKind, type AuthErrorKind } from "./authErrors";

/** Runs one Cognito call at a time for a form, keeping its failure as a kind to show. */
export function useAuthAction(classify: (error: unknown) => AuthErrorKind = authErrorKind) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AuthErrorKind>();
  async function run(action: () => Promise<void>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(classify(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
