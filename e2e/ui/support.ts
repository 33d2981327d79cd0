import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../../lib/seed/demo-users";

export type DemoKey = "owner" | "admin" | "manager" | "rep" | "rep2";

export function demoUser(key: DemoKey) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`no demo user ${key}`);
  return user;
}

/** Sign in through the login form as one of the seeded demo users (e2e runs with demo data). */
export async function signInAs(page: Page, key: DemoKey) {
  const user = demoUser(key);
  // Wait for hydration: a click before it would submit the bare form (slow first loads in dev).
  await page.goto("/login", { waitUntil: "networkidle", timeout: 90_000 });
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 60_000 });
  return user;
}

/** A plain-text email as a mail server hands it over: RFC 5322 headers, a blank line, the body. */
export function rawEmail(headers: Record<string, string>, body: string): string {
  const all = {
    Date: new Date().toUTCString(),
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  };
  const head = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return [...head, "", body, ""].join("\r\n");
}

/** Post raw mail to the inbound webhook with the signed-in admin's organization secret. */
export async function deliverInboundEmail(page: Page, raw: string) {
  const setup = await page.request.get("/api/v1/settings/email/inbound", { timeout: 30_000 });
  expect(setup.ok()).toBe(true);
  const { secret } = (await setup.json()) as { secret: string };
  const delivered = await page.request.post("/api/webhooks/email/inbound", {
    headers: { authorization: `Bearer ${secret}`, "content-type": "message/rfc822" },
    data: raw,
    timeout: 30_000,
  });
  expect(delivered.ok(), await delivered.text()).toBe(true);
}
