import { describe, expect, it } from "vitest";
import { htmlToText, renderTemplate, variablesUsed } from "./render-template";
import { leadVariables } from "./template-variables";
import { validateTemplate } from "./validate-template";

const lead = leadVariables({
  firstName: "Ada",
  lastName: "O'Hara",
  email: "ada@example.test",
  company: "Tom & <Jerry>",
  jobTitle: null,
  city: "Lisbon",
  country: "PT",
  customFields: { budget: 5000, tags: ["a", "b"] },
});

describe("renderTemplate", () => {
  it("fills variables, tolerating whitespace, with fallbacks for empty values", () => {
    const out = renderTemplate(
      {
        subject: "Hi {{ firstName }} at {{company}}",
        html: "<p>{{fullName}}, {{jobTitle|friend}} in {{city}} ({{custom.budget}}, {{cf.tags}})</p>",
        text: "{{firstName}} / {{jobTitle | there}} / {{nope|x}}",
      },
      lead,
    );
    expect(out.subject).toBe("Hi Ada at Tom & <Jerry>");
    expect(out.html).toBe("<p>Ada O&#39;Hara, friend in Lisbon (5000, a, b)</p>");
    expect(out.text).toBe("Ada / there / x");
  });

  it("escapes values in HTML only, and keeps the author's fallback markup", () => {
    const out = renderTemplate(
      { subject: "{{company}}", html: "<b>{{company}}</b> {{lastName|<i>you</i>}}", text: null },
      { company: "<script>x</script>", lastName: "" },
    );
    expect(out.html).toBe("<b>&lt;script&gt;x&lt;/script&gt;</b> <i>you</i>");
    expect(out.subject).toBe("<script>x</script>");
  });

  it("derives the text part from the HTML when none is given", () => {
    const out = renderTemplate(
      {
        subject: "s",
        html: '<p>Hello {{firstName}},</p><p>See <a href="https://x.test/a">our site</a>.<br>Bye &amp; thanks</p>',
      },
      lead,
    );
    expect(out.text).toBe("Hello Ada,\nSee our site (https://x.test/a).\nBye & thanks");
    expect(htmlToText("<ul><li>One</li><li>Two</li></ul>")).toBe("- One\n- Two");
    // Entities decode; impossible code points stay as written instead of throwing.
    expect(htmlToText("<p>&#x41;&#66; &amp; &#99999999; &#xFFFFFFF;</p>")).toBe(
      "AB & &#99999999; &#xFFFFFFF;",
    );
  });

  it("lists the variables used, aliases resolved", () => {
    expect(variablesUsed({ subject: "{{firstName}}", html: "{{cf.x}} {{ firstName|y }}" })).toEqual(
      ["firstName", "custom.x"],
    );
  });
});

describe("validateTemplate", () => {
  const codes = (f: ReturnType<typeof validateTemplate>) =>
    f.map((x) => `${x.level}:${x.code}:${x.part}`);

  it("accepts a clean template", () => {
    expect(
      validateTemplate(
        {
          subject: "Hi {{firstName|there}}",
          html: '<p>Hi</p><a href="{{unsubscribeUrl}}">Unsubscribe</a> <a href="mailto:a@b.co">m</a>',
        },
        ["budget"],
      ),
    ).toEqual([]);
  });

  it("flags unknown variables, stray braces, bad links, missing unsubscribe and the subject", () => {
    const findings = validateTemplate(
      {
        subject: "",
        html: '<p>{{ firstNme }} {{custom.nope}} {{firstName</p><a href="">x</a><a href="javascript:alert(1)">y</a><a href="https://ok.example.com/{{email}}">z</a>',
        text: "}} {{company}}",
      },
      ["budget"],
    );
    expect(codes(findings)).toEqual([
      "error:empty_subject:subject",
      "error:unknown_variable:html",
      "error:unknown_variable:html",
      "error:unbalanced_braces:html",
      "error:unbalanced_braces:text",
      "error:broken_link:html",
      "error:broken_link:html",
      "warning:missing_unsubscribe:html",
    ]);
    expect(findings[2]!.message).toContain('no custom field with the key "nope"');
    expect(
      codes(validateTemplate({ subject: "x".repeat(130), html: "<p>{{unsubscribeUrl}}</p>" })),
    ).toEqual(["warning:subject_too_long:subject"]);
    expect(
      codes(validateTemplate({ subject: "s", html: "<p> </p>", text: "{{unsubscribeUrl}}" })),
    ).toEqual(["error:empty_body:html"]);
  });
});
