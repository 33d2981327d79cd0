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
  // Swagger UI renders the operations list virtualized: the first ones at once, a far one (the
  // health check) once scrolled to.
  await expect(page.getByText("/api/v1/api-keys").first()).toBeVisible();
  const health = page.getByText("/api/v1/health").first();
  for (let i = 0; i < 60 && !(await health.isVisible()); i++) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(100);
  }
  await expect(health).toBeVisible();
  expect(external).toEqual([]);
});
