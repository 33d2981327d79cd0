import { expect, test, type Page } from "@playwright/test";

const unique = Date.now().toString(36);
const owner = {
  name: "Erin Example",
  email: `erin-${unique}@example.test`,
  password: "erin's long password",
};

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test.describe.serial("identity in the browser", () => {
  test("protected pages redirect to sign-in", async ({ page }) => {
    await page.goto("/settings/members");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fmembers/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("sign up, sign out, sign in", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill(owner.name);
    await page.getByLabel("Work email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByLabel("Organization name").fill(`Example Homes ${unique}`);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${owner.name}` })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(`Example Homes ${unique}`);

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();

    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Invalid email or password" }),
    ).toBeVisible();

    await signIn(page, owner.email, owner.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${owner.name}` })).toBeVisible();
  });

  test("invite a member, who accepts from the emailed link", async ({ page, browser }) => {
    await signIn(page, owner.email, owner.password);
    await page.goto("/settings/members");
    const invitee = `sam-${unique}@example.test`;
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await dialog.getByLabel("Email").fill(invitee);
    await dialog.getByLabel("Role").selectOption("manager");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);
    const row = page.getByRole("row", { name: new RegExp(invitee) });
    await expect(row).toContainText("invited");

    // The invitation is in the local outbox; open it and follow its link as the invitee.
    await page.goto("/settings/email-outbox");
    await page
      .getByRole("button", { name: /You're invited/ })
      .first()
      .click();
    const frame = page.frameLocator('iframe[title="Email content"]');
    const link = await frame
      .getByRole("link", { name: "Accept the invitation" })
      .getAttribute("href");
    expect(link).toContain("/accept-invitation?token=");

    const other = await browser.newContext();
    const invited = await other.newPage();
    await invited.goto(new URL(link!).pathname + new URL(link!).search);
    await expect(invited.getByRole("heading", { name: /Join Example Homes/ })).toBeVisible();
    await invited.getByLabel("Your name").fill("Sam Sample");
    await invited.getByLabel("Choose a password").fill("sam's long password");
    await invited.getByRole("button", { name: "Accept and continue" }).click();
    await expect(invited.getByRole("heading", { name: "Welcome, Sam Sample" })).toBeVisible();
    await other.close();

    await page.goto("/settings/members");
    await expect(page.getByRole("row", { name: new RegExp(invitee) })).toContainText("active");
  });

  test("create an API key, use it against the API, revoke it", async ({ page, request }) => {
    await signIn(page, owner.email, owner.password);
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill("Website form");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
    expect(secret).toMatch(/^ll_live_/);

    const me = await request.get("/api/v1/auth/me", {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ role: "integration", user: null });

    page.once("dialog", (d) => d.accept());
    await page
      .getByRole("row", { name: /Website form/ })
      .getByRole("button", { name: "Revoke" })
      .click();
    await expect(page.getByRole("row", { name: /Website form/ })).toContainText("revoked");
    const after = await request.get("/api/v1/auth/me", {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status()).toBe(401);
  });
});
