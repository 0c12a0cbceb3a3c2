import { expect, type Page } from "@playwright/test";

/** What WebEndToEndIT prepared: where Kippu answers, its users, the events the tests use, the mail store. */
export type Stack = {
  baseUrl: string;
  mailStore: string;
  organizer: User;
  attendee: User;
  otherAttendee: User;
  /** holds the sold-out event's only seat */
  booker: User;
  events: { open: Event; soldOut: Event };
};
export type User = { email: string; password: string };
export type Event = { id: string; title: string };

export const stack: Stack = JSON.parse(process.env.KIPPU_E2E ?? "null") ?? missing();

function missing(): never {
  throw new Error("KIPPU_E2E is not set: the browser tests run from WebEndToEndIT (./kippu test), which starts Kippu for them");
}

export function eventPath(event: Event): string {
  return `${stack.baseUrl}/event/?id=${encodeURIComponent(event.id)}`;
}

export async function signIn(page: Page, user: User, next = "/"): Promise<void> {
  await page.goto(`${stack.baseUrl}/sign-in/?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
}

/** The e-mails the SES stand-in holds for {@code to}. */
export async function mailTo(to: string): Promise<{ subject: string; text: string }[]> {
  const store = await (await fetch(stack.mailStore)).json();
  return (store.emails as { destination: { to: string[] }; subject: string; body: { text?: string } }[])
    .filter((mail) => mail.destination.to.some((address) => address.includes(to)))
    .map((mail) => ({ subject: mail.subject, text: mail.body.text ?? "" }));
}

/** The code in the verification e-mail Cognito sends {@code to} (the latest, once one has arrived). */
export async function awaitVerificationCode(to: string): Promise<string> {
  let code: string | undefined;
  await expect.poll(async () => {
    const codes = (await mailTo(to))
      .filter((mail) => mail.subject === "Your Kippu verification code")
      .map((mail) => /\b(\d{6})\b/.exec(mail.text)?.[1]);
    return (code = codes.at(-1));
  }, { message: `a verification code e-mailed to ${to}`, timeout: 15_000 }).toMatch(/^\d{6}$/);
  return code!;
}
