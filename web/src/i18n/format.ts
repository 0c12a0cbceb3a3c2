import type { Locale } from "./locale";

/** Formats in the visitor's time zone unless one is given (tests give one). */
export type Formatter = {
  dateTime(iso: string): string;
  timeRange(startIso: string, endIso: string): string;
  count(n: number): string;
  /** A share from 0 to 1 as a percentage. */
  percent(share: number): string;
};

export function formatter(locale: Locale, timeZone?: string): Formatter {
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent" });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    timeRange: (startIso, endIso) => dateTime.formatRange(new Date(startIso), new Date(endIso)),
    count: (n) => number.format(n),
    percent: (share) => percent.format(share),
  };
}
