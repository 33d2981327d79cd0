import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRecipients, campaigns, leads } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { GET as exportRoute } from "@/app/api/v1/campaigns/[id]/export/route";

let org: TestOrg;
let campaignId: string;

beforeAll(async () => {
  org = await createTestOrg("Campaign PDF");
  const db = await getDb();
  const [campaign] = await db
    .insert(campaigns)
    .values({ organizationId: org.id, name: "Spring PDF", steps: [], status: "active" })
    .returning({ id: campaigns.id });
  campaignId = campaign!.id;
  const made = await db
    .insert(leads)
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        organizationId: org.id,
        displayName: `Recipient ${i} Ж`,
        email: `r${i}@example.test`,
        status: "new",
      })),
    )
    .returning({ id: leads.id });
  await db
    .insert(campaignRecipients)
    .values(made.map((l) => ({ organizationId: org.id, campaignId, leadId: l.id })));
});

async function download(query: string) {
  const req = new Request(`http://localhost:3000/api/v1/campaigns/${campaignId}/export${query}`, {
    headers: { authorization: `Bearer ${org.members.owner.token}` },
  });
  const res = await exportRoute(req, { params: Promise.resolve({ id: campaignId }) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /campaigns/{id}/export?format=pdf", () => {
  it("is a PDF table of the recipients over as many pages as they need", async () => {
    const { res, bytes } = await download("?format=pdf");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="campaign-spring-pdf-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    // 60 rows at 13 pt on an A4 landscape page (about 38 rows each): two pages.
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe("Campaign: Spring PDF");
  });

  it("CSV stays the default; other formats are a 400", async () => {
    const csv = await download("");
    expect(csv.res.headers.get("content-type")).toContain("text/csv");
    expect(new TextDecoder().decode(csv.bytes).split("\r\n").filter(Boolean)).toHaveLength(61);
    expect((await download("?format=xlsx")).res.status).toBe(400);
  });
});
