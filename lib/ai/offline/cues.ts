import type { ReplyCategory } from "@/lib/ai/reply-classification";

/** The languages the cue lists cover (ISO 639-1). */
export const LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A phrase that points to a category. Patterns run on folded text (lower case, no accents, plain
 * apostrophes — see text.ts), so they are written that way.
 */
export type Cue = { pattern: RegExp; weight: number; reason: string };

/** A category's cues per language; a reply is matched against every language's cues. */
export type CategoryCues = {
  category: ReplyCategory | null;
  cues: Partial<Record<Language, Cue[]>>;
};

/** Several patterns sharing a weight and the reason a rationale gives for them. */
export function cues(weight: number, reason: string, ...patterns: RegExp[]): Cue[] {
  return patterns.map((pattern) => ({ pattern, weight, reason }));
}
