import type { z } from "zod";
import { escapeHtml } from "@/lib/email/templates/layout";
import type { createCampaignInput } from "./campaign-schemas";

type CreateInput = z.infer<typeof createCampaignInput>;

/** A body written as plain text becomes paragraphs; one that already has HTML is kept. */
export function bodyAsHtml(body: string): string {
  if (/<[a-z][^>]*>/i.test(body)) return body;
  return body
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/**
 * Seed 001's short form of a new campaign, expanded into the full one: `subjectLine` + `template`
 * become the first step, `followUpIntervalDays` the wait before each later step that gives none,
 * and `leadIds` the recipients to add once the campaign exists.
 */
export function expandShorthand(input: CreateInput) {
  const { subjectLine, template, followUpIntervalDays, leadIds, ...campaign } = input;
  let steps = campaign.steps;
  if (subjectLine && template) {
    steps = [
      {
        delayDays: 0,
        delayHours: 0,
        variants: [{ weight: 100, subject: subjectLine, html: bodyAsHtml(template) }],
      },
    ];
  }
  if (followUpIntervalDays && steps) {
    steps = steps.map((s, i) =>
      i > 0 && s.delayDays === 0 && s.delayHours === 0
        ? { ...s, delayDays: followUpIntervalDays }
        : s,
    );
  }
  return { campaign: { ...campaign, steps }, leadIds };
}
