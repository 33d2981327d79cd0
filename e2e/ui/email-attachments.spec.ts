import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { formatFileSize } from "../../lib/client/format";
import { signInAs } from "./support";

interface OutboxMessage {
  id: string;
  subject: string;
  attachments: { filename: string; size: number; downloadUrl: string }[];
}

test("the outbox lists a report email's attachment with its size and downloads it", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "owner");
  const tag = Date.now().toString(36);
  const me = await (await page.request.get("/api/v1/auth/me")).json();

  // A weekly report to the owner, sent now from its page: the schedule's email, CSV attached.
  const name = `Attachment check ${tag}`;
  const saved = await page.request.post("/api/v1/reports", {
    data: {
      name,
      definition: { dataset: "leads", dimensions: ["status"], metrics: ["count"] },
      schedule: { frequency: "weekly", format: "csv", recipientIds: [me.user.id] },
    },
  });
  expect(saved.status(), await saved.text()).toBe(201);
  const report = (await saved.json()) as { id: string };
  await page.goto(`/reports/${report.id}`, { timeout: 90_000 });
  await page.getByRole("button", { name: "Send now" }).click({ timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "Emailed to 1 recipient." })).toBeVisible(
    { timeout: 60_000 },
  );

  const listed = await page.request.get(`/api/v1/email-outbox?q=${encodeURIComponent(name)}`);
  const [message] = ((await listed.json()) as { data: OutboxMessage[] }).data;
  expect(message!.subject).toBe(`${name} — weekly report`);
  const [file] = message!.attachments;
  expect(file!.filename).toMatch(
    new RegExp(`^attachment-check-${tag}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );

  await page.goto("/settings/email-outbox", { timeout: 90_000 });
  await page.getByPlaceholder("Search recipient or subject").fill(name);
  const row = page
    .getByRole("table", { name: "Sent email" })
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: message!.subject }) });
  const files = row.getByRole("list", { name: `Files of ${message!.subject}` });
  const link = files.getByRole("link", { name: file!.filename });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(files.getByText(formatFileSize(file!.size), { exact: true })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(file!.filename);
  const bytes = await readFile((await download.path())!);
  // The file saved is the one the API serves, byte for byte, and a report the CSV reader takes.
  const served = await page.request.get(file!.downloadUrl);
  expect(served.headers()["content-disposition"]).toBe(`attachment; filename="${file!.filename}"`);
  expect(bytes.equals(await served.body())).toBe(true);
  expect(bytes.byteLength).toBe(file!.size);
  const rows = parse(bytes.toString("utf8").replace(/^\uFEFF/, "")) as string[][];
  expect(rows[0]).toEqual(["Status", "Leads"]);

  // The opened message lists the same file.
  await row.getByRole("button", { name: message!.subject }).click();
  await expect(
    page.getByRole("list", { name: "Attachments" }).getByRole("link", { name: file!.filename }),
  ).toBeVisible({ timeout: 30_000 });
});
