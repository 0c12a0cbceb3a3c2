import { en, type Messages } from "./en";
import { ja } from "./ja";
import type { Locale } from "./locale";

export const MESSAGES: Record<Locale, Messages> = { en, ja };
export type { Messages };
