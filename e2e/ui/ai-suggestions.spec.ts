import { expect, test } from "@playwright/test";
import { deliverInboundEmail, rawEmail, signInAs } from "./support";

// Against a busy `next dev`, the HMR socket's rebuild/reload messages can restart the page before
// it hydrates (see ai-settings.spec.ts); only those are dropped.
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(/\/_next\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (!/"type":"(reloadPage|built|sync|building|turbopack-message)"/.test(String(message))) {
        ws.send(message);
      }
    });
  });
});

interface Suggestions {
  mode: "llm" | "offline";
  suggestions: { label: string; text: string }[];
}

test("suggested replies appear in the reply box, fill it when chosen, and a full draft can replace it", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "admin");
  const unique = Date.now().toString(36);
  const email = `suggest-${unique}@example.test`;
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Sasha", lastName: `Suggest ${unique}`, email, company: "Fjord Freight" },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };
  await deliverInboundEmail(
    page,
    rawEmail(
      {
        From: `Sasha Suggest <${email}>`,
        To: "sales@northwind.demo.test",
        Subject: "Re: Spring listings",
        "Message-ID": `<suggest-${unique}@mail.example.test>`,
      },
      "Sounds good — could we set up a call on Thursday to talk it through?",
    ),
  );
  const conversation = (await (
    await page.request.get(`/api/v1/leads/${lead.id}/conversation`)
  ).json()) as { id: string };

  await page.goto(`/conversations?lead=${lead.id}`, { timeout: 90_000 });
  const form = page.getByRole("form", { name: "Write a reply" });
  await expect(form).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: "Suggest replies" }).click();

  const list = form.getByRole("region", { name: "Suggested replies" });
  await expect(list).toBeVisible({ timeout: 60_000 });
  const choices = list.getByRole("button", { name: /^Use suggestion:/ });
  await expect(choices.first()).toBeVisible();
  expect(await choices.count()).toBeGreaterThanOrEqual(2);

  // What the page shows is what the API answers, offline mode labelled as such.
  const api = (await (
    await page.request.get(`/api/v1/conversations/${conversation.id}/suggestions`)
  ).json()) as Suggestions;
  await expect(
    list.getByText(api.mode === "offline" ? "Offline" : "AI", { exact: true }),
  ).toBeVisible();
  const first = api.suggestions[0]!;
  await list.getByRole("button", { name: `Use suggestion: ${first.label}` }).click();
  const box = form.getByRole("textbox", { name: "Reply" });
  await expect(box).toHaveValue(first.text);
  expect(first.text).toContain("Sasha");
  await expect(form.getByText(/^(Offline|AI) draft$/)).toBeVisible();

  await form.getByRole("button", { name: "Draft with AI" }).click();
  await expect(box).not.toHaveValue(first.text, { timeout: 60_000 });
  await expect(box).toHaveValue(/Sasha/);
});
