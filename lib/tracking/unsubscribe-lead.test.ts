import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resubscribeAction, unsubscribeAction } from "@/app/unsubscribe/[token]/actions";
import { POST as oneClick } from "@/app/unsubscribe/[token]/one-click/route";
import { getDb } from "@/db/client";
import { campaignRecipients, outboxEvents } from "@/db/schema";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { sentCampaignMessage, sentMessageState } from "@/lib/testing/tracking-fixtures";
import { suppressEmail } from "@/lib/suppressions/suppressions";
import { unsubscribeToken } from "./tracking-tokens";
import { resubscribeByToken, unsubscribeByToken, unsubscribeTarget } from "./unsubscribe-lead";

function postOneClick(token: string, body = "List-Unsubscribe=One-Click") {
  return oneClick(
    new Request(`http://localhost:3000/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
    { params: Promise.resolve({ token }) },
  );
}

const stateOf = sentMessageState;

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await createTestOrg("Unsub"), await createTestOrg("Unsub other")];
});

describe("POST /unsubscribe/{token} — RFC 8058 one-click", () => {
  it("unsubscribes at once: suppression, flag, event, every sequence stopped, timeline", async () => {
    const sent = await sentCampaignMessage(org);
    // The same lead in a second active campaign: that sequence stops too.
    const second = await sentCampaignMessage(org);
    const db = await getDb();
    await db
      .update(campaignRecipients)
      .set({ leadId: sent.leadId })
      .where(eq(campaignRecipients.id, second.recipientId));

    const res = await postOneClick(unsubscribeToken(sent));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });

    const s = await stateOf(sent);
    expect(s.lead.unsubscribed).toBe(true);
    expect(s.suppressions.map((x) => [x.reason, x.campaignId, x.messageId])).toEqual([
      ["unsubscribed", sent.campaignId, sent.messageId],
    ]);
    expect(s.recipients).toHaveLength(2);
    expect(s.recipients.every((r) => r.state === "unsubscribed" && r.finishedAt)).toBe(true);
    expect(s.events.map((e) => [e.type, e.detail])).toEqual([["unsubscribed", "one_click"]]);
    expect(s.activities.filter((a) => a.type === "unsubscribed")).toHaveLength(1);
    // The running sequences are told to stop.
    const stops = await db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.name, "campaign/recipient.stopped"));
    const stoppedIds = stops.map((e) => (e.data as { recipientId: string }).recipientId);
    expect(stoppedIds).toEqual(expect.arrayContaining([sent.recipientId, second.recipientId]));
  });

  it("is idempotent: repeating it (or opening the page after) records nothing more", async () => {
    const sent = await sentCampaignMessage(org);
    const token = unsubscribeToken(sent);
    expect((await postOneClick(token)).status).toBe(200);
    expect((await postOneClick(token, "")).status).toBe(200);
    const outcome = await unsubscribeByToken(await getDb(), token, "link");
    expect(outcome).toMatchObject({ changed: false, email: sent.email });
    const s = await stateOf(sent);
    expect(s.suppressions).toHaveLength(1);
    expect(s.events).toHaveLength(1);
    expect(s.activities.filter((a) => a.type === "unsubscribed")).toHaveLength(1);
  });

  it("a forged or foreign token is a 404 and changes nothing", async () => {
    const sent = await sentCampaignMessage(org);
    const token = unsubscribeToken(sent);
    const forged = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    for (const bad of [forged, "garbage", `${token}x`]) {
      const res = await postOneClick(bad);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    // Signed, but naming another organization's lead and message: nothing there is found.
    const theirs = await sentCampaignMessage(other);
    expect(
      (await postOneClick(unsubscribeToken({ ...theirs, organizationId: org.id }))).status,
    ).toBe(404);
    expect((await stateOf(sent)).lead.unsubscribed).toBe(false);
    const t = await stateOf(theirs);
    expect(t.lead.unsubscribed).toBe(false);
    expect(t.suppressions).toEqual([]);
    expect(t.recipients.map((r) => r.state)).toEqual(["active"]);
  });
});

describe("the unsubscribe page", () => {
  it("opening it unsubscribes; 'that was a mistake' lifts it and says so on the timeline", async () => {
    const sent = await sentCampaignMessage(org);
    const token = unsubscribeToken(sent);
    const db = await getDb();
    const outcome = await unsubscribeByToken(db, token, "link");
    expect(outcome).toEqual({ organizationName: org.name, email: sent.email, changed: true });
    expect((await stateOf(sent)).lead.unsubscribed).toBe(true);

    expect(await resubscribeAction(token)).toEqual({ status: "resubscribed" });
    const s = await stateOf(sent);
    expect(s.lead.unsubscribed).toBe(false);
    expect(s.suppressions).toEqual([]);
    expect(s.activities.map((a) => a.type)).toEqual(
      expect.arrayContaining(["unsubscribed", "resubscribed"]),
    );
    // Stopped sequences stay stopped.
    expect(s.recipients.map((r) => r.state)).toEqual(["unsubscribed"]);
  });

  it("never lifts a bounce, a complaint or an admin's suppression", async () => {
    const sent = await sentCampaignMessage(org);
    const token = unsubscribeToken(sent);
    const db = await getDb();
    await unsubscribeByToken(db, token, "link");
    // A hard bounce arrives later: it takes over the reason.
    await suppressEmail(db, { organizationId: org.id, email: sent.email, reason: "bounced" });
    expect(await resubscribeAction(token)).toEqual({ status: "not_resubscribed" });
    const s = await stateOf(sent);
    expect(s.suppressions.map((x) => x.reason)).toEqual(["bounced"]);
    expect(s.lead.unsubscribed).toBe(true);
  });

  it("the scanner-safe confirmation unsubscribes only when the button is pressed", async () => {
    const sent = await sentCampaignMessage(org);
    const token = unsubscribeToken(sent);
    expect(await unsubscribeTarget(await getDb(), token)).toEqual({ organizationName: org.name });
    expect((await stateOf(sent)).lead.unsubscribed).toBe(false);
    expect(await unsubscribeAction(token)).toEqual({ status: "unsubscribed" });
    expect((await stateOf(sent)).lead.unsubscribed).toBe(true);
  });

  it("an invalid token finds nothing to show or change", async () => {
    const db = await getDb();
    expect(await unsubscribeByToken(db, "not-a-token", "link")).toBeNull();
    expect(await unsubscribeTarget(db, "not-a-token")).toBeNull();
    expect(await resubscribeByToken(db, "not-a-token")).toBeNull();
    expect(await resubscribeAction("not-a-token")).toEqual({ status: "invalid" });
  });
});
