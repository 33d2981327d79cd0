import { describe, expect, it } from "vitest";
import { replyVerdictSchema } from "@/lib/ai/reply-classification";
import { classifyReplyOffline } from "./classify-reply";

const MONDAY = new Date("2026-03-02T09:30:00Z");
const classify = (
  text: string,
  extra: { subject?: string; headers?: Record<string, string> } = {},
) => classifyReplyOffline({ text, receivedAt: MONDAY, ...extra });

const OUTLOOK_AUTO = { "auto-submitted": "auto-replied", "x-auto-response-suppress": "All" };

describe("classifyReplyOffline", () => {
  it.each([
    ["interested", "en", "We're definitely interested. Does the self-hosted version support SSO?"],
    ["interested", "de", "Klingt spannend! Bitte senden Sie mir Unterlagen zu."],
    [
      "meeting_request",
      "en",
      "Happy to jump on a call. Here's my Calendly: https://calendly.com/x/30min",
    ],
    ["meeting_request", "fr", "Avec plaisir, on peut s'appeler jeudi à 14h ?"],
    ["question", "es", "¿Cuánto cuesta la licencia anual?"],
    ["question", "it", "Quanto costa per 15 utenti?"],
    ["not_interested", "nl", "Bedankt, maar we hebben geen interesse."],
    ["not_interested", "pt", "Obrigado, mas não temos interesse."],
    ["unsubscribe", "en", "Please remove me from your list."],
    ["unsubscribe", "de", "Bitte nehmen Sie mich aus Ihrem Verteiler."],
    ["unsubscribe", "fr", "Je ne souhaite plus recevoir vos messages."],
    ["wrong_person", "it", "Non lavoro più in Bianchi Meccanica."],
    ["other", "en", "Received, thanks."],
  ])("%s (%s): %s", (category, _lang, text) => {
    expect(classify(text).category).toBe(category);
  });

  it("answers a verdict the shared schema accepts, with a one-line rationale quoting the cue", () => {
    const verdict = classify("Please remove me from your list.");
    expect(replyVerdictSchema.parse(verdict)).toEqual(verdict);
    expect(verdict.rationale).toBe("Asks to be removed: 'remove me'");
    expect(verdict.rationale).not.toContain("\n");
  });

  it("lets a request to stop contact win over a refusal and over interest", () => {
    expect(classify("Not interested. Take me off your mailing list please.").category).toBe(
      "unsubscribe",
    );
    expect(classify("Looks interesting, but please stop emailing me.").category).toBe(
      "unsubscribe",
    );
  });

  it("does not unsubscribe someone who asks to stay", () => {
    const verdict = classify(
      "I clicked the unsubscribe link by accident - please don't unsubscribe me. Thanks.",
    );
    expect(verdict.category).not.toBe("unsubscribe");
  });

  it("reads 'not interested' as a refusal and a deferral with a date as interest", () => {
    expect(classify("Not interested right now, maybe some day.").category).toBe("not_interested");
    expect(classify("Not right now - but please reach out again in Q3.").category).toBe(
      "interested",
    );
  });

  it("ignores quoted history and the signature (our own 'interested?' and 'unsubscribe')", () => {
    const text = [
      "Thanks, but we're not interested.",
      "",
      "--",
      "Sarah Mitchell",
      "",
      "On Mon, 23 Feb 2026 at 09:14, Alex Rivera <alex@leadline.app> wrote:",
      "> Would you be interested in a 15-minute call next week?",
      '> If you\'d rather not hear from me, just reply "unsubscribe".',
    ].join("\n");
    expect(classify(text).category).toBe("not_interested");
  });

  it("takes a DSN report for a bounce whatever the returned original says", () => {
    const verdict = classify(
      "Your message wasn't delivered.\n\n----- Original message -----\n\nWould you be interested in a call?",
      {
        subject: "Delivery Status Notification (Failure)",
        headers: {
          from: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
          "content-type": "multipart/report; report-type=delivery-status; boundary=x",
        },
      },
    );
    expect(verdict.category).toBe("bounce");
    expect(verdict.rationale).toContain("report-type=delivery-status");
    expect(verdict.confidence).toBeGreaterThan(0.9);
  });

  it("recognises a bounce from its text alone", () => {
    const verdict = classify(
      "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients. This is a permanent error.",
    );
    expect(verdict.category).toBe("bounce");
  });

  it("tells an absence from another auto-reply under the same RFC 3834 headers", () => {
    const away = classify(
      "I am out of the office until Monday 9 March with limited access to email.",
      {
        subject: "Automatic reply: Quick question",
        headers: OUTLOOK_AUTO,
      },
    );
    expect(away).toMatchObject({ category: "out_of_office", returnDate: "2026-03-09" });
    const receipt = classify(
      "Thank you. This is an automated response to confirm we've received your request (ticket #48213).",
      {
        headers: { "auto-submitted": "auto-generated", precedence: "bulk" },
      },
    );
    expect(receipt.category).toBe("auto_reply");
    expect(receipt.returnDate).toBeNull();
  });

  it.each([
    ["Ich bin bis einschließlich 13.03.2026 nicht im Büro.", "2026-03-13"],
    ["Je suis absente du bureau jusqu'au 10 mars inclus.", "2026-03-10"],
    ["Estoy fuera de la oficina hasta el 12 de marzo.", "2026-03-12"],
    ["Ik ben afwezig tot en met 13 maart.", "2026-03-13"],
    ["Estou de férias e regresso no dia 16 de março.", "2026-03-16"],
    ["Ich bin ab dem 2. März im Urlaub und ab dem 16. März wieder im Büro.", "2026-03-16"],
    ["I'm travelling this week and will respond when I'm back on Monday.", "2026-03-09"],
    ["I'm on holiday until the 20th.", "2026-03-20"],
    ["I'm out of the office with no access to email.", null],
  ])("return date of %s", (text, returnDate) => {
    const verdict = classify(text, { headers: OUTLOOK_AUTO });
    expect(verdict).toMatchObject({ category: "out_of_office", returnDate });
  });

  it("keeps a stand-in named for urgent matters out of wrong-person", () => {
    const verdict = classify(
      "Ich bin nicht im Büro. In dringenden Fällen wenden Sie sich bitte an vertrieb@bergmann.example.",
      { headers: OUTLOOK_AUTO },
    );
    expect(verdict.category).toBe("out_of_office");
  });

  it.each([
    [
      "I'm not the right person for this. Please contact Jane Doe, our head of procurement, jane.doe@acme.example.",
      { name: "Jane Doe", email: "jane.doe@acme.example", title: "head of procurement" },
    ],
    [
      "Da bin ich die falsche Ansprechpartnerin. Wenden Sie sich bitte an Herrn Thomas Braun, Leiter Einkauf, thomas.braun@bergmann.example.",
      { name: "Thomas Braun", email: "thomas.braun@bergmann.example", title: "Leiter Einkauf" },
    ],
    [
      "I don't handle CRM decisions. That would be our operations director, Rachel Green.",
      { name: "Rachel Green", email: null, title: "operations director" },
    ],
    [
      "Ya no trabajo en Ruiz & Asociados. Puedes contactar con info@ruiz.example.",
      { name: null, email: "info@ruiz.example", title: null },
    ],
  ])("referral in %s", (text, referral) => {
    const verdict = classify(text, { headers: { from: "Someone <someone@acme.example>" } });
    expect(verdict).toMatchObject({ category: "wrong_person", referral });
  });

  it("is less confident about a bare reply with no cue than about a clear one", () => {
    const unclear = classify("Hmm.");
    const clear = classify("Please remove me from your list, I never signed up for this.");
    expect(unclear.category).toBe("other");
    expect(unclear.confidence).toBeLessThan(0.5);
    expect(clear.confidence).toBeGreaterThan(unclear.confidence);
  });

  it("lowers confidence when cues of different categories conflict", () => {
    const single = classify("Thanks, but we're not interested.");
    const mixed = classify(
      "We're not interested right now, but this sounds interesting - send me info?",
    );
    expect(mixed.confidence).toBeLessThan(single.confidence);
  });

  it("is deterministic", () => {
    const text = "Sure, let's talk. How about Thursday at 2pm CET?";
    expect(classify(text)).toEqual(classify(text));
  });
});
