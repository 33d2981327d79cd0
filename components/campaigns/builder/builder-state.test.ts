import { describe, expect, it } from "vitest";
import { createCampaignInput, updateCampaignInput } from "@/lib/campaigns/campaign-schemas";
import type { Campaign } from "../campaign-types";
import {
  bodyFromForm,
  emptyForm,
  formFromCampaign,
  move,
  newVariant,
  variantShares,
  withSavedIds,
} from "./builder-state";

const TEMPLATE_ID = "0195f3a0-0000-7000-8000-000000000001";

function campaign(): Campaign {
  return {
    id: "0195f3a0-0000-7000-8000-0000000000aa",
    name: "Spring outreach",
    description: null,
    status: "draft",
    owner: null,
    steps: [
      {
        id: "s1",
        delayDays: 0,
        delayHours: 0,
        variants: [
          {
            id: "v1",
            label: "A",
            weight: 50,
            templateId: TEMPLATE_ID,
            subject: "",
            html: "",
            text: null,
          },
        ],
        ai: { personalize: "off", instructions: null },
      },
      {
        id: "s2",
        delayDays: 3,
        delayHours: 4,
        variants: [
          {
            id: "v2",
            label: "A",
            weight: 70,
            templateId: null,
            subject: "Hi",
            html: "<p>A</p>",
            text: null,
          },
          {
            id: "v3",
            label: "B",
            weight: 30,
            templateId: null,
            subject: "Yo",
            html: "<p>B</p>",
            text: "B",
          },
        ],
        ai: { personalize: "first_line", instructions: "Mention the webinar" },
      },
    ],
    mailboxIds: [],
    sendWindow: { days: [1, 3, 5], start: "08:30", end: "16:00" },
    timezone: "Europe/Berlin",
    useLeadTimezone: false,
    dailyLimit: 75,
    stopConditions: { reply: true, bounce: false, statusCategories: ["won"] },
    allowConcurrentCampaigns: true,
    trackOpens: false,
    trackClicks: null,
    costAmount: 1250.5,
    costCurrency: "EUR",
    scheduledAt: null,
    launchedAt: null,
    pausedAt: null,
    pausedReason: null,
    finishedAt: null,
    recipients: { total: 0 },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  } as Campaign;
}

describe("campaign builder state", () => {
  it("saves back exactly what it loaded, ids included, and the API accepts it", () => {
    const body = bodyFromForm(formFromCampaign(campaign()));
    expect(body).toMatchObject({
      name: "Spring outreach",
      description: null,
      sendWindow: { days: [1, 3, 5], start: "08:30", end: "16:00" },
      timezone: "Europe/Berlin",
      useLeadTimezone: false,
      dailyLimit: 75,
      stopConditions: { reply: true, bounce: false, statusCategories: ["won"] },
      allowConcurrentCampaigns: true,
      trackOpens: false,
      trackClicks: null,
      costAmount: 1250.5,
      costCurrency: "EUR",
    });
    expect(body.steps.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(body.steps[1]).toMatchObject({
      delayDays: 3,
      delayHours: 4,
      ai: { personalize: "first_line", instructions: "Mention the webinar" },
    });
    expect(body.steps[0]!.ai).toEqual({ personalize: "off", instructions: null });
    expect(body.steps[1]!.variants.map((v) => [v.id, v.weight, v.text])).toEqual([
      ["v2", 70, null],
      ["v3", 30, "B"],
    ]);
    expect(updateCampaignInput.safeParse(body).success).toBe(true);
  });

  it("a template variant sends only its template; an inline one drops any template", () => {
    const form = formFromCampaign(campaign());
    expect(form.steps[0]!.variants[0]!.source).toBe("template");
    const inlineLeftovers = { ...form.steps[0]!.variants[0]!, subject: "typed", html: "<p>x</p>" };
    form.steps[0]!.variants[0] = inlineLeftovers;
    form.steps[1]!.variants[0] = { ...form.steps[1]!.variants[0]!, templateId: TEMPLATE_ID };
    const body = bodyFromForm(form);
    expect(body.steps[0]!.variants[0]).toMatchObject({
      templateId: TEMPLATE_ID,
      subject: "",
      html: "",
      text: null,
    });
    expect(body.steps[1]!.variants[0]).toMatchObject({ templateId: null, subject: "Hi" });
  });

  it("a new campaign's defaults pass the create contract once named and written", () => {
    const form = emptyForm("America/New_York");
    form.name = "New one";
    form.steps[0]!.variants[0]!.subject = "Hello {{firstName|there}}";
    const body = bodyFromForm(form);
    expect(body.steps[0]!.variants[0]!.id).toBeUndefined();
    expect(createCampaignInput.safeParse(body).success).toBe(true);
    // Tracking left to the organization is sent as null, not as a guess.
    expect([body.trackOpens, body.trackClicks]).toEqual([null, null]);
  });

  it("takes the server's ids for new steps and variants without touching existing ones", () => {
    const form = formFromCampaign(campaign());
    form.steps[1]!.variants.push(newVariant(2));
    const saved = campaign();
    saved.steps[1]!.variants.push({ ...saved.steps[1]!.variants[1]!, id: "v4", label: "C" });
    const next = withSavedIds(form, saved);
    expect(next.steps[1]!.variants.map((v) => v.id)).toEqual(["v2", "v3", "v4"]);
    expect(next.steps[0]!.id).toBe("s1");
  });

  it("moves within bounds and reports each variant's share of a relative split", () => {
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
    expect(variantShares([{ weight: 70 }, { weight: 30 }])).toEqual([70, 30]);
    expect(variantShares([{ weight: 1 }, { weight: 3 }])).toEqual([25, 75]);
    expect(variantShares([{ weight: 0 }, { weight: 0 }])).toEqual([0, 0]);
  });
});
