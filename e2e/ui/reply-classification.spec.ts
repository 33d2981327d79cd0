import { expect, test } from "@playwright/test";
import { deliverInboundEmail, rawEmail, signInAs } from "./support";

const unique = Date.now().toString(36);

interface Thread {
  messages: { classification: { category: string } | null; classificationState: string | null }[];
}

test("a reply is classified in the background and a rep corrects the category in the thread", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const email = `classify-${unique}@example.test`;
  const created = await page.request.post("/api/v1/leads", {
    data: { firstName: "Kim", lastName: `Classify ${unique}`, email },
  });
  expect(created.status()).toBe(201);
  const lead = (await created.json()) as { id: string };

  await deliverInboundEmail(
    page,
    rawEmail(
      {
        From: `Kim Classify <${email}>`,
        To: "sales@northwind.demo.test",
        Subject: "Re: Spring listings",
        "Message-ID": `<classify-${unique}@mail.example.test>`,
      },
      "Please remove me from your mailing list.",
    ),
  );

  // The classifier runs as a background job; the thread carries its verdict once it has run.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/leads/${lead.id}/conversation`);
        const thread = (await res.json()) as Thread;
        return thread.messages[0]?.classification?.category ?? null;
      },
      { timeout: 60_000 },
    )
    .toBe("unsubscribe");

  await page.goto(`/conversations?lead=${lead.id}`, { timeout: 90_000 });
  // The verdict's button is named by category and confidence (list rows may mention the word).
  const verdict = page.getByRole("button", { name: /^Unsubscribe \d+%/ });
  await expect(verdict).toBeVisible({ timeout: 60_000 });
  await expect(verdict).toContainText("offline");
  await verdict.click();
  await page.getByLabel("Correct to").selectOption("not_interested");
  await expect(page.getByRole("button", { name: /^Not interested corrected/ })).toContainText(
    "corrected",
    {
      timeout: 30_000,
    },
  );
  const after = (await (
    await page.request.get(`/api/v1/leads/${lead.id}/conversation`)
  ).json()) as Thread;
  expect(after.messages[0]).toMatchObject({
    classification: { category: "not_interested" },
    classificationState: "corrected",
  });
});
