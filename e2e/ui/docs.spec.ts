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
  // Swagger UI renders the operations list virtualized: the first ones at once, the others once
  // scrolled to — an early one (API keys) and a far one (the health check).
  await expect(page.locator(".opblock").first()).toBeVisible();
  for (const path of ["/api/v1/api-keys", "/api/v1/health"]) {
    const operation = page.getByText(path).first();
    for (let i = 0; i < 80 && !(await operation.isVisible()); i++) {
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(100);
    }
    await expect(operation).toBeVisible();
  }
  expect(external).toEqual([]);
});
