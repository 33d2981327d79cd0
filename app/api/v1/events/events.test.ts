import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { liveHub } from "@/lib/live/live-hub";
import { publishLive } from "@/lib/live/live-messages";
import { createNotification } from "@/lib/notifications/notifications";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { GET } from "./route";

let a: TestOrg;
let b: TestOrg;

beforeAll(async () => {
  a = await createTestOrg("Events A");
  b = await createTestOrg("Events B");
});

/** Open the stream as a browser would and read it event by event. */
async function openStream(token: string) {
  const abort = new AbortController();
  const res = await GET(
    new Request("http://localhost/api/v1/events", {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    }),
    { params: Promise.resolve({}) },
  );
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  async function next(): Promise<{ event: string; data: unknown } | null> {
    for (;;) {
      const match = /event: ([^\n]*)\ndata: ([^\n]*)\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return { event: match[1]!, data: JSON.parse(match[2]!) };
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  }
  return { res, next, close: () => abort.abort(), reader };
}

const notify = async (org: TestOrg, userId: string, title: string) =>
  createNotification(await getDb(), { organizationId: org.id, userId, type: "test", title });

describe("GET /api/v1/events", () => {
  it("streams the caller's unread count as it changes, and nobody else's", async () => {
    const rep = a.members.rep;
    const stream = await openStream(rep.token);
    expect(stream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await stream.next()).toEqual({ event: "notifications", data: { unreadCount: 0 } });

    await notify(a, rep.id, "First");
    expect(await stream.next()).toEqual({ event: "notifications", data: { unreadCount: 1 } });

    // Another member's and another organization's notifications send this stream nothing…
    await notify(a, a.members.rep2.id, "Not for rep");
    await notify(b, b.members.rep.id, "Other org");
    // …so the next thing it hears is its own second notification.
    await notify(a, rep.id, "Second");
    expect(await stream.next()).toEqual({ event: "notifications", data: { unreadCount: 2 } });

    // Reading them elsewhere (another tab) updates this one.
    await api("POST", "/api/v1/notifications/read-all", { token: rep.token });
    expect(await stream.next()).toEqual({ event: "notifications", data: { unreadCount: 0 } });

    // Organization-wide changes reach every member of that organization only.
    await publishLive(await getDb(), {
      orgId: b.id,
      userId: null,
      type: "leads.changed",
      data: { id: "elsewhere" },
    });
    await publishLive(await getDb(), {
      orgId: a.id,
      userId: null,
      type: "leads.changed",
      data: { id: "x" },
    });
    expect(await stream.next()).toEqual({ event: "leads.changed", data: { id: "x" } });

    const hub = liveHub(await getDatabase());
    const before = hub.size;
    stream.close();
    expect(await stream.reader.read()).toMatchObject({ done: true });
    expect(hub.size).toBe(before - 1);
  });

  it("is for signed-in people with a valid session", async () => {
    expect((await api("GET", "/api/v1/events")).status).toBe(401);
    const integration = await api("GET", "/api/v1/events", { token: a.keys.integration.secret });
    expect(integration.status).toBe(403);
  });
});
