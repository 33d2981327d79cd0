import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as clickRoute } from "@/app/t/c/[token]/route";
import { GET as openRoute } from "@/app/t/o/[token]/route";
import { getDb } from "@/db/client";
import { emailEvents, emailMessages, leadEvents, leads } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage } from "@/lib/testing/tracking-fixtures";
import { clickToken, openToken } from "./tracking-tokens";

const HUMAN_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

function hit(
  handler: typeof openRoute,
  kind: "o" | "c",
  token: string,
  headers: Record<string, string> = { "user-agent": HUMAN_UA },
) {
  return handler(new Request(`http://localhost:3000/t/${kind}/${token}`, { headers }), {
    params: Promise.resolve({ token }),
  });
}

async function eventsOf(messageId: string) {
  return (await getDb()).select().from(emailEvents).where(eq(emailEvents.messageId, messageId));
}

async function messageRow(messageId: string) {
  const [row] = await (
    await getDb()
  )
    .select()
    .from(emailMessages)
    .where(eq(emailMessages.id, messageId));
  return row!;
}

async function leadEventTypes(organizationId: string, leadId: string) {
  const rows = await (
    await getDb()
  )
    .select({ type: leadEvents.type, value: leadEvents.value })
    .from(leadEvents)
    .where(and(eq(leadEvents.organizationId, organizationId), eq(leadEvents.leadId, leadId)));
  return rows;
}

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await createTestOrg("Tracking"), await createTestOrg("Elsewhere")];
});

describe("GET /t/o/{token} — open pixel", () => {
  it("answers an uncached GIF and records a human open once on the message", async () => {
    const sent = await sentCampaignMessage(org);
    const res = await hit(openRoute, "o", openToken(sent));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const first = await messageRow(sent.messageId);
    expect(first.openedAt).toBeInstanceOf(Date);
    await hit(openRoute, "o", openToken(sent));
    expect((await messageRow(sent.messageId)).openedAt).toEqual(first.openedAt);

    const events = await eventsOf(sent.messageId);
    expect(events.map((e) => [e.type, e.isBot, e.campaignId, e.leadId])).toEqual([
      ["opened", false, sent.campaignId, sent.leadId],
      ["opened", false, sent.campaignId, sent.leadId],
    ]);
    // One unique open feeds scoring (the default rules count email_opened).
    const types = await leadEventTypes(org.id, sent.leadId);
    expect(types.filter((t) => t.type === "email_opened")).toHaveLength(1);
    const [lead] = await (await getDb()).select().from(leads).where(eq(leads.id, sent.leadId));
    expect(lead!.scoreBreakdown.some((c) => JSON.stringify(c).includes("email-open"))).toBe(true);
  });

  it("flags scanners, privacy prefetch and opens right after sending as bots", async () => {
    const sent = await sentCampaignMessage(org);
    for (const ua of [
      "Mozilla/5.0",
      "Barracuda Sentinel (EE)",
      "Mozilla/5.0 (compatible; Mimecast URL protect)",
      "python-requests/2.31",
      "curl/8.4.0",
      "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36",
    ]) {
      expect((await hit(openRoute, "o", openToken(sent), { "user-agent": ua })).status).toBe(200);
    }
    await hit(openRoute, "o", openToken(sent), {});
    const justSent = await sentCampaignMessage(org, { sentAt: new Date() });
    await hit(openRoute, "o", openToken(justSent));

    const events = [...(await eventsOf(sent.messageId)), ...(await eventsOf(justSent.messageId))];
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.type === "opened" && e.isBot)).toBe(true);
    expect((await messageRow(sent.messageId)).openedAt).toBeNull();
    expect((await messageRow(justSent.messageId)).openedAt).toBeNull();
    expect(await leadEventTypes(org.id, sent.leadId)).toEqual([]);
  });

  it("counts Gmail's image proxy as the person opening", async () => {
    const sent = await sentCampaignMessage(org);
    await hit(openRoute, "o", openToken(sent), {
      "user-agent":
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
    });
    expect((await messageRow(sent.messageId)).openedAt).toBeInstanceOf(Date);
  });

  it("still answers the GIF for a forged token, recording nothing", async () => {
    const sent = await sentCampaignMessage(org);
    const token = openToken(sent);
    const forged = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    const res = await hit(openRoute, "o", forged);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(await hit(openRoute, "o", "nonsense")).toHaveProperty("status", 200);
    expect(await eventsOf(sent.messageId)).toEqual([]);
  });

  it("a token naming another organization's message touches nothing", async () => {
    const theirs = await sentCampaignMessage(other);
    // Correctly signed, but claiming our organization for their message and lead.
    await hit(openRoute, "o", openToken({ ...theirs, organizationId: org.id }));
    expect(await eventsOf(theirs.messageId)).toEqual([]);
    expect((await messageRow(theirs.messageId)).openedAt).toBeNull();
  });
});

describe("GET /t/c/{token} — click redirect", () => {
  it("redirects to the signed URL, records the click and implies the open", async () => {
    const sent = await sentCampaignMessage(org);
    const url = "https://example.com/pricing?plan=pro&ref=mail";
    const res = await hit(clickRoute, "c", clickToken(sent, url));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(url);

    const message = await messageRow(sent.messageId);
    expect(message.clickedAt).toBeInstanceOf(Date);
    expect(message.openedAt).toEqual(message.clickedAt);
    const events = await eventsOf(sent.messageId);
    expect(events.map((e) => [e.type, e.detail, e.isBot])).toEqual([["clicked", url, false]]);

    // The same link again: another event, not another scoring event; a second link counts.
    await hit(clickRoute, "c", clickToken(sent, url));
    await hit(clickRoute, "c", clickToken(sent, "https://example.com/other"));
    const clicks = (await leadEventTypes(org.id, sent.leadId)).filter(
      (e) => e.type === "email_clicked",
    );
    expect(clicks.map((c) => c.value).sort()).toEqual(["https://example.com/other", url].sort());
    expect((await messageRow(sent.messageId)).clickedAt).toEqual(message.clickedAt);
  });

  it("a scanner's click still redirects but counts for nothing", async () => {
    const sent = await sentCampaignMessage(org);
    const res = await hit(clickRoute, "c", clickToken(sent, "https://example.com/"), {
      "user-agent": "Proofpoint URL Defense",
    });
    expect(res.status).toBe(302);
    const message = await messageRow(sent.messageId);
    expect(message.clickedAt).toBeNull();
    expect(message.openedAt).toBeNull();
    expect((await eventsOf(sent.messageId)).map((e) => e.isBot)).toEqual([true]);
    expect(await leadEventTypes(org.id, sent.leadId)).toEqual([]);
  });

  it("a tampered token is a 404, never a redirect", async () => {
    const sent = await sentCampaignMessage(org);
    const genuine = clickToken(sent, "https://example.com/");
    const evil = clickToken(sent, "https://evil.example/");
    const spliced = `${evil.split(".")[0]}.${genuine.split(".")[1]}`;
    for (const token of [spliced, "abc", openToken(sent)]) {
      const res = await hit(clickRoute, "c", token);
      expect(res.status).toBe(404);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const page = await hit(clickRoute, "c", spliced, {
      accept: "text/html",
      "user-agent": HUMAN_UA,
    });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Link not found");
    expect(await eventsOf(sent.messageId)).toEqual([]);
  });

  it("a token naming another organization's message records nothing there", async () => {
    const theirs = await sentCampaignMessage(other);
    const res = await hit(
      clickRoute,
      "c",
      clickToken({ ...theirs, organizationId: org.id }, "https://example.com/"),
    );
    expect(res.status).toBe(302);
    expect(await eventsOf(theirs.messageId)).toEqual([]);
    expect((await messageRow(theirs.messageId)).clickedAt).toBeNull();
  });
});
