import { describe, expect, it } from "vitest";
import { parseInboundEmail } from "./parse-inbound-email";

const message = (headers: string[], body: string) => [...headers, "", body].join("\r\n");

const REPLY_HEADERS = [
  'From: "Ada Lovelace" <Ada@Example.com>',
  "To: Rep <rep@leadline.test>, other@leadline.test",
  "Subject: Re: Quick question",
  "Date: Tue, 03 Mar 2026 10:15:00 +0100",
  "Message-ID: <reply-42@example.com>",
  "In-Reply-To: <sent-1@leadline.test>",
  "References: <intro-0@leadline.test>\r\n <sent-1@leadline.test>",
  "Content-Type: text/plain; charset=utf-8",
];

function dsn(status: string, diagnostic: string, action = "failed") {
  return message(
    [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
      "To: rep@leadline.test",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    ],
    [
      "--b1",
      "Content-Type: text/plain",
      "",
      "I'm sorry to have to inform you that your message could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.net",
      "",
      "Final-Recipient: rfc822; lead@example.org",
      `Action: ${action}`,
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${diagnostic}`,
      "",
      "--b1--",
    ].join("\r\n"),
  );
}

describe("parseInboundEmail", () => {
  it("reads threading ids, addresses, date and lower-cased headers of a human reply", async () => {
    const parsed = await parseInboundEmail(
      message(
        REPLY_HEADERS,
        "Yes, Thursday works.\r\n\r\nOn Mon, Mar 2, 2026 at 9:00 AM Rep wrote:\r\n> Would Thursday suit you?",
      ),
    );
    expect(parsed.kind).toBe("human_reply");
    expect(parsed.messageId).toBe("<reply-42@example.com>");
    expect(parsed.inReplyTo).toBe("<sent-1@leadline.test>");
    expect(parsed.references).toEqual(["<intro-0@leadline.test>", "<sent-1@leadline.test>"]);
    expect(parsed.from).toEqual({ address: "ada@example.com", name: "Ada Lovelace" });
    expect(parsed.to.map((to) => to.address)).toEqual(["rep@leadline.test", "other@leadline.test"]);
    expect(parsed.date).toBe("2026-03-03T09:15:00.000Z");
    expect(parsed.headers["message-id"]).toBe("<reply-42@example.com>");
    expect(parsed.newText).toBe("Yes, Thursday works.");
    expect(parsed.text).toContain("Would Thursday suit you?");
  });

  it("accepts bytes as well as a string", async () => {
    const parsed = await parseInboundEmail(
      new TextEncoder().encode(message(REPLY_HEADERS, "Sounds good.")),
    );
    expect(parsed.newText).toBe("Sounds good.");
  });

  it("takes the new text of an HTML-only reply from before the quoted history", async () => {
    const parsed = await parseInboundEmail(
      message(
        [...REPLY_HEADERS.slice(0, -1), "Content-Type: text/html; charset=utf-8"],
        '<div>Happy to talk&nbsp;&amp; learn more.<br></div><div class="gmail_quote">On Mon Rep wrote:<blockquote>Old pitch</blockquote></div>',
      ),
    );
    expect(parsed.kind).toBe("human_reply");
    expect(parsed.newText).toBe("Happy to talk & learn more.");
  });

  it.each([
    ["Auto-Submitted: auto-replied", "Re: Quick question"],
    ["Precedence: bulk", "Re: Quick question"],
    ["X-Autoreply: yes", "Re: Quick question"],
    ["X-Auto-Response-Suppress: All", "Re: Quick question"],
    ["X-Mailer: test", "Automatic reply: Quick question"],
    ["X-Mailer: test", "Abwesenheitsnotiz: Quick question"],
    ["X-Mailer: test", "Réponse automatique : Quick question"],
    ["X-Mailer: test", "Respuesta automática: Quick question"],
    ["X-Mailer: test", "Risposta automatica: Quick question"],
    ["X-Mailer: test", "Afwezig: Quick question"],
    ["X-Mailer: test", "Out of Office: Quick question"],
  ])("recognises an auto-reply by %s / %s", async (header, subject) => {
    const parsed = await parseInboundEmail(
      message(
        ["From: ada@example.com", `Subject: ${subject}`, header],
        "I am away from the office.",
      ),
    );
    expect(parsed.kind).toBe("auto_reply");
  });

  it("does not take Auto-Submitted: no or a subject merely mentioning an absence for an auto-reply", async () => {
    const explicitNo = await parseInboundEmail(
      message(
        ["From: ada@example.com", "Subject: Re: Quick question", "Auto-Submitted: no"],
        "Sure.",
      ),
    );
    const mention = await parseInboundEmail(
      message(["From: ada@example.com", "Subject: Re: my out of office plans"], "Sure."),
    );
    expect(explicitNo.kind).toBe("human_reply");
    expect(mention.kind).toBe("human_reply");
  });

  it.each([
    ["I am out of the office until 14 March 2026.", "2026-03-14"],
    ["Back on March 16th, 2026, with limited access to email.", "2026-03-16"],
    ["Ich bin bis zum 20.03.2026 nicht im Büro.", "2026-03-20"],
    ["Je serai de retour le 23 mars.", "2026-03-23"],
    ["Returning 2026-04-01.", "2026-04-01"],
    // No year: the next 5 January after the message's date (3 March 2026).
    ["Away until January 5.", "2027-01-05"],
  ])("reads the return date from %j", async (body, returnDate) => {
    const parsed = await parseInboundEmail(
      message(
        [
          "From: ada@example.com",
          "Subject: Automatic reply: Quick question",
          "Date: Tue, 03 Mar 2026 10:15:00 +0100",
        ],
        body,
      ),
    );
    expect(parsed.autoReply).toEqual({ returnDate });
  });

  it("leaves the return date out when none is stated", async () => {
    const parsed = await parseInboundEmail(
      message(
        ["From: ada@example.com", "Subject: Out of office", "Auto-Submitted: auto-replied"],
        "I am travelling.",
      ),
    );
    expect(parsed.autoReply).toEqual({});
  });

  it("reads a DSN's recipient, status and diagnostic; an unknown user is a hard bounce", async () => {
    const parsed = await parseInboundEmail(
      dsn("5.1.1", "550 5.1.1 <lead@example.org>: User unknown"),
    );
    expect(parsed.kind).toBe("bounce");
    expect(parsed.bounce).toEqual({
      hard: true,
      permanent: true,
      action: "failed",
      status: "5.1.1",
      diagnosticCode: "550 5.1.1 <lead@example.org>: User unknown",
      recipient: "lead@example.org",
    });
    expect(parsed.newText).toBe("");
  });

  it("treats a full mailbox and a 4.x.x delay as soft, and a policy refusal as permanent but not hard", async () => {
    const full = await parseInboundEmail(dsn("5.2.2", "552 5.2.2 Mailbox full"));
    const delayed = await parseInboundEmail(
      dsn("4.4.1", "421 4.4.1 Connection timed out", "delayed"),
    );
    const policy = await parseInboundEmail(dsn("5.7.1", "550 5.7.1 Message rejected as spam"));
    expect(full.bounce).toMatchObject({ hard: false, permanent: false });
    expect(delayed.bounce).toMatchObject({ hard: false, permanent: false, action: "delayed" });
    expect(policy.bounce).toMatchObject({ hard: false, permanent: true, status: "5.7.1" });
  });

  it("recognises a non-DSN bounce by its sender and reads the status from its text", async () => {
    const parsed = await parseInboundEmail(
      message(
        ["From: MAILER-DAEMON@mx.example.net", "Subject: failure notice"],
        "Sorry, I couldn't deliver to <lead@example.org>:\r\n550 5.1.1 No such user here.",
      ),
    );
    expect(parsed.kind).toBe("bounce");
    expect(parsed.bounce).toMatchObject({ hard: true, permanent: true, status: "5.1.1" });
  });

  it("reads an ARF complaint's feedback type and the original message id", async () => {
    const parsed = await parseInboundEmail(
      message(
        [
          "From: abuse@isp.example",
          "Subject: Abuse report",
          'Content-Type: multipart/report; report-type=feedback-report; boundary="b2"',
        ],
        [
          "--b2",
          "Content-Type: text/plain",
          "",
          "This is an email abuse report.",
          "--b2",
          "Content-Type: message/feedback-report",
          "",
          "Feedback-Type: abuse",
          "User-Agent: SomeGenerator/1.0",
          "Version: 1",
          "",
          "--b2",
          "Content-Type: text/rfc822-headers",
          "",
          "From: rep@leadline.test",
          "Message-ID: <sent-1@leadline.test>",
          "",
          "--b2--",
        ].join("\r\n"),
      ),
    );
    expect(parsed.kind).toBe("complaint");
    expect(parsed.complaint).toEqual({
      feedbackType: "abuse",
      originalMessageId: "<sent-1@leadline.test>",
    });
  });

  it("treats Apple Mail's one-click unsubscribe as a complaint, not an auto-reply", async () => {
    const parsed = await parseInboundEmail(
      message(
        [
          "From: lead@icloud.com",
          "Subject: unsubscribe",
          "Auto-Submitted: auto-replied",
          "X-Apple-Unsubscribe: true",
        ],
        "Apple Mail sent this email to unsubscribe.",
      ),
    );
    expect(parsed.kind).toBe("complaint");
    expect(parsed.complaint).toEqual({ feedbackType: "unsubscribe" });
  });

  it("parses a message without headers of interest without throwing", async () => {
    const parsed = await parseInboundEmail("not really an email");
    expect(parsed).toMatchObject({
      kind: "human_reply",
      messageId: null,
      from: null,
      references: [],
    });
  });
});
