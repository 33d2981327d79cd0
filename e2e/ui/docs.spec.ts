import { expect, test } from "@playwright/test";

test("the API reference renders offline from installed assets", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol.startsWith("http")) {
      external.push(req.url());
    }
  });
  await page.goto("/api/v1/docs");
  await expect(page.getByRole("heading", { name: /Leadline API/ })).toBeVisible();
  await expect(page.getByText("/api/v1/health").first()).toBeVisible();
  expect(external).toEqual([]);
});
