import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { deliverEmail } from "@/lib/email/deliver-email";
import { localOutboxTransport } from "@/lib/email/transports/local-outbox-transport";
import { api } from "@/lib/testing/api-client";
import { everyByte, queueReportEmail, reportFile } from "@/lib/testing/attachment-fixtures";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { GET as downloadRoute } from "./[id]/attachments/[attachmentId]/route";

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Attachments");
  other = await createTestOrg("Attachments other");
});

/** The download as a browser gets it: the raw bytes, not text (the test client decodes UTF-8). */
async function download(token: string | undefined, id: string, attachmentId: string) {
  const path = `/api/v1/email-outbox/${id}/attachments/${attachmentId}`;
  const res = await downloadRoute(
    new Request(`http://localhost:3000${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }),
    { params: Promise.resolve({ id, attachmentId }) },
  );
  return {
    status: res.status,
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("email outbox attachments", () => {
  it("lists each message's files without their bytes and downloads them byte for byte", async () => {
    const pdf = {
      filename: "leads-by-status.pdf",
      contentType: "application/pdf",
      content: everyByte(2048),
    };
    const { messageId, attachmentIds } = await queueReportEmail(org, [reportFile(), pdf]);
    const token = org.members.admin.token;
    const path = (i: number) => `/api/v1/email-outbox/${messageId}/attachments/${attachmentIds[i]}`;
    const expected = [
      {
        id: attachmentIds[0],
        filename: "leads-by-status-2026-03-10.csv",
        contentType: "text/csv; charset=utf-8",
        size: 600,
        downloadUrl: path(0),
      },
      {
        id: attachmentIds[1],
        filename: pdf.filename,
        contentType: "application/pdf",
        size: 2048,
        downloadUrl: path(1),
      },
    ];

    const list = await api("GET", "/api/v1/email-outbox?perPage=100", { token });
    expect(list.status).toBe(200);
    const listed = list.json.data.find((m: { id: string }) => m.id === messageId);
    expect(listed.status).toBe("queued");
    expect(listed.attachments).toEqual(expected);
    expect(list.text).not.toContain(Buffer.from(everyByte()).toString("base64"));
    const detail = await api("GET", `/api/v1/email-outbox/${messageId}`, { token });
    expect(detail.json.attachments).toEqual(expected);

    const csv = await download(token, messageId, attachmentIds[0]!);
    expect(csv.status).toBe(200);
    expect(sameBytes(csv.bytes, everyByte())).toBe(true);
    expect(Object.fromEntries(csv.headers)).toMatchObject({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="leads-by-status-2026-03-10.csv"',
      "content-length": "600",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    const second = await download(token, messageId, attachmentIds[1]!);
    expect(second.headers.get("content-type")).toBe("application/pdf");
    expect(sameBytes(second.bytes, pdf.content)).toBe(true);

    // Sent, the message keeps its files, still listed and downloadable as they went out.
    expect(await deliverEmail(await getDb(), messageId, localOutboxTransport)).toEqual({
      status: "sent",
    });
    const sent = await api("GET", `/api/v1/email-outbox/${messageId}`, { token });
    expect(sent.json.status).toBe("sent");
    expect(sent.json.attachments).toEqual(expected);
    expect(
      sameBytes((await download(token, messageId, attachmentIds[0]!)).bytes, everyByte()),
    ).toBe(true);
  });

  it("lists no files for a message without any", async () => {
    const { messageId } = await queueReportEmail(org, []);
    const detail = await api("GET", `/api/v1/email-outbox/${messageId}`, {
      token: org.members.owner.token,
    });
    expect(detail.json.attachments).toEqual([]);
  });

  it("names non-ASCII files per RFC 5987 and keeps hostile names and types out of the headers", async () => {
    const { messageId, attachmentIds } = await queueReportEmail(org, [
      reportFile({ filename: "Übersicht März €.csv" }),
      reportFile({
        filename: '../../etc/pass"wd\r\nSet-Cookie: a=b.html',
        contentType: "text/html\r\nSet-Cookie: a=b",
      }),
      reportFile({ filename: "page.html", contentType: "text/html" }),
    ]);
    const token = org.members.owner.token;
    const unicode = await download(token, messageId, attachmentIds[0]!);
    expect(unicode.headers.get("content-disposition")).toBe(
      `attachment; filename="_bersicht M_rz _.csv"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz%20%E2%82%AC.csv`,
    );
    const hostile = await download(token, messageId, attachmentIds[1]!);
    expect(hostile.status).toBe(200);
    expect(hostile.headers.get("content-type")).toBe("application/octet-stream");
    expect(hostile.headers.get("content-disposition")).toBe(
      `attachment; filename="_.._etc_pass_wdSet-Cookie: a=b.html"; filename*=UTF-8''_.._etc_pass%22wdSet-Cookie%3A%20a%3Db.html`,
    );
    expect(hostile.headers.get("set-cookie")).toBeNull();
    // An HTML file is still only a download: never sniffed, and inert if opened in a tab.
    const html = await download(token, messageId, attachmentIds[2]!);
    expect(html.headers.get("content-type")).toBe("text/html");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(html.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });

  it("is a 404 for another organization's message or file, and for a file of another message", async () => {
    const mine = await queueReportEmail(org);
    const theirs = await queueReportEmail(other);
    const token = org.members.admin.token;
    // Another organization's file, through its own message or through one of ours.
    for (const [id, attachmentId] of [
      [theirs.messageId, theirs.attachmentIds[0]!],
      [mine.messageId, theirs.attachmentIds[0]!],
      [theirs.messageId, mine.attachmentIds[0]!],
    ] as const) {
      const res = await api("GET", `/api/v1/email-outbox/${id}/attachments/${attachmentId}`, {
        token,
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.code).toBe("not_found");
    }
    // Ours, but filed under another of our messages.
    const second = await queueReportEmail(org);
    const crossed = await download(token, second.messageId, mine.attachmentIds[0]!);
    expect(crossed.status).toBe(404);
    // The other organization's admin can't see ours either — nor its file in their outbox list.
    const otherToken = other.members.admin.token;
    expect((await download(otherToken, mine.messageId, mine.attachmentIds[0]!)).status).toBe(404);
    const list = await api("GET", "/api/v1/email-outbox?perPage=100", { token: otherToken });
    expect(list.text).not.toContain(mine.attachmentIds[0]!);
  });

  it("follows the outbox's roles: owners, admins and admin keys only", async () => {
    const { messageId, attachmentIds } = await queueReportEmail(org);
    const attachmentId = attachmentIds[0]!;
    const allowed = [org.members.owner.token, org.members.admin.token, org.keys.admin.secret];
    for (const token of allowed) {
      expect((await download(token, messageId, attachmentId)).status).toBe(200);
    }
    const refused = [org.members.manager.token, org.members.rep.token, org.keys.integration.secret];
    for (const token of refused) {
      const res = await api(
        "GET",
        `/api/v1/email-outbox/${messageId}/attachments/${attachmentId}`,
        {
          token,
        },
      );
      expect(res.status).toBe(403);
      expect(res.json.code).toBe("forbidden");
    }
    expect((await download(undefined, messageId, attachmentId)).status).toBe(401);
  });

  it("answers malformed ids with a 404 problem, never a 500", async () => {
    const { messageId, attachmentIds } = await queueReportEmail(org);
    const token = org.members.admin.token;
    const attachmentId = attachmentIds[0]!;
    for (const [id, file] of [
      ["nope", attachmentId],
      [messageId, "nope"],
      [messageId, `${attachmentId}x`],
      ["00000000-0000-0000-0000-000000000000", attachmentId],
      [messageId, "' or 1=1 --"],
      [messageId, "%00"],
    ]) {
      const res = await api(
        "GET",
        `/api/v1/email-outbox/${encodeURIComponent(id!)}/attachments/${encodeURIComponent(file!)}`,
        { token },
      );
      expect(res.status, `${id} / ${file}`).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
