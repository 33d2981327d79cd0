import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { emailTemplates } from "@/db/schema";
import type { ReplyCategory } from "../reply-classification";
import type { DraftPurpose } from "./draft-schemas";

export interface TemplateCandidate {
  id: string;
  name: string;
  category: string | null;
  subject: string;
  html: string;
  text: string | null;
}

/**
 * Words in a template's category or name that say what it is for. A meeting request is answered
 * by a scheduling template, a question by an FAQ or info one, a first email by an outreach one.
 */
const KEYWORDS: Record<ReplyCategory | "email", string[]> = {
  email: ["cold", "outreach", "intro", "first", "prospect", "opening"],
  interested: ["interest", "next step", "follow", "info", "overview", "positive"],
  meeting_request: ["meeting", "schedul", "call", "demo", "calendar", "book", "appointment"],
  question: ["question", "faq", "answer", "info", "pricing", "detail"],
  not_interested: ["not interested", "decline", "closing", "break", "polite", "goodbye"],
  unsubscribe: ["unsubscribe", "removal", "opt-out", "opt out"],
  out_of_office: ["out of office", "return", "back", "follow"],
  wrong_person: ["referral", "wrong", "introduc", "right person"],
  bounce: [],
  auto_reply: [],
  other: ["reply", "response", "follow"],
};

/** How well a template fits: category hits weigh more than name hits; 0 = unrelated. */
export function templateFit(template: TemplateCandidate, keywords: string[]): number {
  const category = template.category?.toLowerCase() ?? "";
  const name = template.name.toLowerCase();
  let score = 0;
  for (const word of keywords) {
    if (category.includes(word)) score += 2;
    if (name.includes(word)) score += 1;
  }
  return score;
}

/**
 * The template that fits a draft best among the organization's (most recently edited first, so
 * ties go to the freshest). A reply needs a real fit — otherwise the built-in skeletons answer
 * better than an unrelated template; a first email falls back to the newest template.
 */
export function pickTemplate(
  templates: TemplateCandidate[],
  purpose: DraftPurpose,
  category: ReplyCategory | null,
): TemplateCandidate | null {
  if (purpose === "first_line") return null;
  const keywords = purpose === "reply" ? KEYWORDS[category ?? "other"] : KEYWORDS.email;
  let best: TemplateCandidate | null = null;
  let bestScore = 0;
  for (const template of templates) {
    const score = templateFit(template, keywords);
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  if (best || purpose === "reply") return best;
  return templates[0] ?? null;
}

/** Enough for any real library; a draft doesn't need to scan thousands. */
const MAX_CANDIDATES = 200;

export async function organizationTemplates(db: Queryable, organizationId: string) {
  return db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      category: emailTemplates.category,
      subject: emailTemplates.subject,
      html: emailTemplates.html,
      text: emailTemplates.text,
    })
    .from(emailTemplates)
    .where(eq(emailTemplates.organizationId, organizationId))
    .orderBy(desc(emailTemplates.updatedAt))
    .limit(MAX_CANDIDATES);
}

/** One template of the organization by id, or null. */
export async function templateById(db: Queryable, organizationId: string, id: string) {
  const [row] = await db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      category: emailTemplates.category,
      subject: emailTemplates.subject,
      html: emailTemplates.html,
      text: emailTemplates.text,
    })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.organizationId, organizationId), eq(emailTemplates.id, id)))
    .limit(1);
  return row ?? null;
}
