import type { StepAiMode } from "@/db/schema";
import type { Campaign, StepBody, VariantBody } from "../campaign-types";

/**
 * The builder's form state and its translation to and from the API. Kept free of React so the
 * round trip (what is loaded is what is saved) can be tested on its own.
 */
export type TrackingChoice = "default" | "on" | "off";

export interface VariantForm {
  /** React key; stable across reorders, never sent. */
  key: string;
  id?: string;
  label: string;
  weight: number;
  source: "template" | "inline";
  templateId: string | null;
  subject: string;
  html: string;
  text: string;
}

export interface StepForm {
  key: string;
  id?: string;
  delayDays: number;
  delayHours: number;
  variants: VariantForm[];
  /** AI personalisation per lead: off, the `{{aiFirstLine}}` opener, or the whole step. */
  aiPersonalize: StepAiMode;
  aiInstructions: string;
}

export interface BuilderForm {
  name: string;
  description: string;
  steps: StepForm[];
  mailboxIds: string[];
  days: number[];
  start: string;
  end: string;
  timezone: string;
  useLeadTimezone: boolean;
  dailyLimit: number;
  stopOnReply: boolean;
  stopOnBounce: boolean;
  stopOnWon: boolean;
  stopOnLost: boolean;
  allowConcurrentCampaigns: boolean;
  trackOpens: TrackingChoice;
  trackClicks: TrackingChoice;
  /** As typed: empty means no cost recorded. */
  costAmount: string;
  costCurrency: string;
}

let counter = 0;
const newKey = () => `k${++counter}`;

const LETTERS = "ABCDE";

/** A starting body that already lets people opt out, as campaign emails must. */
export const INLINE_BODY =
  '<p>Hi {{firstName|there}},</p>\n<p></p>\n<p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>\n';

export function newVariant(index: number): VariantForm {
  return {
    key: newKey(),
    label: LETTERS[index] ?? String(index + 1),
    weight: 50,
    source: "inline",
    templateId: null,
    subject: "",
    html: INLINE_BODY,
    text: "",
  };
}

export function newStep(isFirst: boolean): StepForm {
  return {
    key: newKey(),
    delayDays: isFirst ? 0 : 3,
    delayHours: 0,
    variants: [newVariant(0)],
    aiPersonalize: "off",
    aiInstructions: "",
  };
}

export function emptyForm(timezone: string): BuilderForm {
  return {
    name: "",
    description: "",
    steps: [newStep(true)],
    mailboxIds: [],
    days: [1, 2, 3, 4, 5],
    start: "09:00",
    end: "17:00",
    timezone,
    useLeadTimezone: true,
    dailyLimit: 200,
    stopOnReply: true,
    stopOnBounce: true,
    stopOnWon: true,
    stopOnLost: true,
    allowConcurrentCampaigns: false,
    trackOpens: "default",
    trackClicks: "default",
    costAmount: "",
    costCurrency: "",
  };
}

const toChoice = (v: boolean | null): TrackingChoice => (v === null ? "default" : v ? "on" : "off");
const fromChoice = (c: TrackingChoice): boolean | null => (c === "default" ? null : c === "on");

export function formFromCampaign(c: Campaign): BuilderForm {
  return {
    name: c.name,
    description: c.description ?? "",
    steps: c.steps.map((s) => ({
      key: newKey(),
      id: s.id,
      delayDays: s.delayDays,
      delayHours: s.delayHours,
      variants: s.variants.map((v) => ({
        key: newKey(),
        id: v.id,
        label: v.label,
        weight: v.weight,
        source: v.templateId ? "template" : "inline",
        templateId: v.templateId,
        subject: v.subject,
        html: v.html,
        text: v.text ?? "",
      })),
      aiPersonalize: s.ai?.personalize ?? "off",
      aiInstructions: s.ai?.instructions ?? "",
    })),
    mailboxIds: c.mailboxIds,
    days: c.sendWindow.days,
    start: c.sendWindow.start,
    end: c.sendWindow.end,
    timezone: c.timezone,
    useLeadTimezone: c.useLeadTimezone,
    dailyLimit: c.dailyLimit,
    stopOnReply: c.stopConditions.reply,
    stopOnBounce: c.stopConditions.bounce,
    stopOnWon: c.stopConditions.statusCategories.includes("won"),
    stopOnLost: c.stopConditions.statusCategories.includes("lost"),
    allowConcurrentCampaigns: c.allowConcurrentCampaigns,
    trackOpens: toChoice(c.trackOpens),
    trackClicks: toChoice(c.trackClicks),
    costAmount: c.costAmount === null ? "" : String(c.costAmount),
    costCurrency: c.costCurrency ?? "",
  };
}

/** A template variant sends no parts of its own: the template's are used at send time. */
function variantBody(v: VariantForm): VariantBody {
  const common = { ...(v.id ? { id: v.id } : {}), label: v.label, weight: v.weight };
  if (v.source === "template") {
    return { ...common, templateId: v.templateId, subject: "", html: "", text: null };
  }
  return {
    ...common,
    templateId: null,
    subject: v.subject,
    html: v.html,
    text: v.text.trim() ? v.text : null,
  };
}

/** The PATCH/POST body: every field the builder edits, indexes matching the form's. */
export function bodyFromForm(f: BuilderForm) {
  return {
    name: f.name,
    description: f.description.trim() || null,
    steps: f.steps.map((s): StepBody => ({
      ...(s.id ? { id: s.id } : {}),
      delayDays: s.delayDays,
      delayHours: s.delayHours,
      variants: s.variants.map(variantBody),
      ai: { personalize: s.aiPersonalize, instructions: s.aiInstructions.trim() || null },
    })),
    mailboxIds: f.mailboxIds,
    sendWindow: { days: [...f.days].sort(), start: f.start, end: f.end },
    timezone: f.timezone,
    useLeadTimezone: f.useLeadTimezone,
    dailyLimit: f.dailyLimit,
    stopConditions: {
      reply: f.stopOnReply,
      bounce: f.stopOnBounce,
      statusCategories: [
        ...(f.stopOnWon ? (["won"] as const) : []),
        ...(f.stopOnLost ? (["lost"] as const) : []),
      ],
    },
    allowConcurrentCampaigns: f.allowConcurrentCampaigns,
    trackOpens: fromChoice(f.trackOpens),
    trackClicks: fromChoice(f.trackClicks),
    // A number input's value is a string; an unparseable one goes to the API, which says why.
    costAmount: f.costAmount.trim() ? Number(f.costAmount) : null,
    costCurrency: f.costCurrency.trim() ? f.costCurrency.trim().toUpperCase() : null,
  };
}

/** Move an item up (-1) or down (+1); out-of-range moves leave the list as it was. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Each variant's share of the step's recipients in percent (weights are relative). */
export function variantShares(variants: Pick<VariantForm, "weight">[]): number[] {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  return variants.map((v) => (total ? Math.round((Math.max(0, v.weight) / total) * 100) : 0));
}

/**
 * After a save, give new steps and variants the ids the server assigned (by position), so the
 * next save edits them instead of adding copies. Anything that already has an id keeps it.
 */
export function withSavedIds(f: BuilderForm, saved: Pick<Campaign, "steps">): BuilderForm {
  return {
    ...f,
    steps: f.steps.map((s, i) => {
      const savedStep = saved.steps[i];
      if (!savedStep) return s;
      return {
        ...s,
        id: s.id ?? savedStep.id,
        variants: s.variants.map((v, j) => ({ ...v, id: v.id ?? savedStep.variants[j]?.id })),
      };
    }),
  };
}
