import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("an owner sets up Twilio, sees SMS become ready, and requires consent for voice calls", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  await page.goto("/settings/channels", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Twilio" })).toBeVisible({ timeout: 30_000 });
  const twilio = page.getByRole("form", { name: "Twilio settings" });

  // A malformed SID is refused with the field named; nothing is stored.
  await twilio.getByLabel("Account SID").fill("not-a-sid");
  await twilio.getByLabel("Auth token").fill("an-auth-token-long-enough");
  await twilio.getByLabel("SMS number").fill("+14155550100");
  await twilio.getByRole("button", { name: "Save Twilio" }).click();
  await expect(twilio.getByText(/A Twilio account SID/)).toBeVisible({ timeout: 30_000 });

  await twilio.getByLabel("Account SID").fill(`AC${"0123456789abcdef".repeat(2)}`);
  await twilio.getByRole("button", { name: "Save Twilio" }).click();
  await expect(page.getByText("Twilio settings saved.")).toBeVisible({ timeout: 30_000 });
  const status = page.getByRole("list", { name: "Channel status" });
  await expect(status.getByRole("listitem").filter({ hasText: "SMS" })).toContainText("Ready");
  await expect(status.getByRole("listitem").filter({ hasText: "WhatsApp" })).toContainText(
    "Not ready",
  );
  // The token is never shown back: the field stays empty, with a note that one is stored.
  await expect(
    page.getByRole("form", { name: "Twilio settings" }).getByLabel("Auth token"),
  ).toHaveValue("");
  await expect(
    page.getByRole("form", { name: "Twilio settings" }).getByLabel("Auth token"),
  ).toHaveAttribute("placeholder", /Stored/);

  const defaults = page.getByRole("form", { name: "Communication defaults" });
  await defaults.getByLabel("Voice call without a lead's answer").selectOption("denied");
  await defaults.getByRole("button", { name: "Save defaults" }).click();
  await expect(page.getByText("Communication defaults saved.")).toBeVisible({ timeout: 30_000 });
  const saved = await page.request.get("/api/v1/communication/preferences");
  expect((await saved.json()).organization.consent.voice).toBe("denied");

  // Leave the demo organization as it was for other specs.
  await page.request.put("/api/v1/communication/preferences", {
    data: { consent: { voice: "unknown" } },
  });
  expect((await page.request.delete("/api/v1/settings/channels/twilio")).status()).toBe(204);
});
