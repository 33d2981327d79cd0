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
