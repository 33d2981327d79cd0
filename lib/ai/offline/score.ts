import { REPLY_CATEGORIES, type ReplyCategory } from "@/lib/ai/reply-classification";
import type { CategoryCues, Cue } from "./cues";
import { AUTO_REPLY } from "./signals/auto-reply";
import { BOUNCE } from "./signals/bounce";
import { INTERESTED } from "./signals/interested";
import { MEETING } from "./signals/meeting";
import { NOT_INTERESTED } from "./signals/not-interested";
import { OTHER } from "./signals/other";
import { OUT_OF_OFFICE } from "./signals/out-of-office";
import { QUESTION } from "./signals/question";
import { KEEP_SUBSCRIBED, UNSUBSCRIBE } from "./signals/unsubscribe";
import { WRONG_PERSON } from "./signals/wrong-person";
import { mask } from "./text";

/**
 * The order cues are matched in. Each match blanks its words, so a category earlier in the list
 * claims them: "don't unsubscribe me" is neutralised before unsubscribe looks, the stand-in of an
 * absence note before wrong-person, "not interested" before interested.
 */
const ORDER: CategoryCues[] = [
  BOUNCE,
  KEEP_SUBSCRIBED,
  UNSUBSCRIBE,
  OUT_OF_OFFICE,
  AUTO_REPLY,
  WRONG_PERSON,
  NOT_INTERESTED,
  MEETING,
  INTERESTED,
  QUESTION,
  OTHER,
];

type CompiledCue = Cue & { category: ReplyCategory | null; global: RegExp };

const COMPILED: CompiledCue[] = ORDER.flatMap(({ category, cues }) =>
  Object.values(cues).flatMap((list) =>
    list.map((cue) => ({
      ...cue,
      category,
      global: new RegExp(cue.pattern.source, `${cue.pattern.flags.replace("g", "")}g`),
    })),
  ),
);

export type CueMatch = {
  category: ReplyCategory;
  weight: number;
  reason: string;
  start: number;
  end: number;
};

export type Scores = Record<ReplyCategory, number>;

export const emptyScores = (): Scores =>
  Object.fromEntries(REPLY_CATEGORIES.map((category) => [category, 0])) as Scores;

/** Every category's evidence in the folded text: a cue counts once, however often it matches. */
export function scoreText(folded: string): { scores: Scores; matches: CueMatch[] } {
  const scores = emptyScores();
  const matches: CueMatch[] = [];
  let remaining = folded;
  for (const cue of COMPILED) {
    let counted = false;
    for (const match of remaining.matchAll(cue.global)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) continue;
      remaining = mask(remaining, start, end);
      if (cue.category && !counted) {
        scores[cue.category] += cue.weight;
        matches.push({
          category: cue.category,
          weight: cue.weight,
          reason: cue.reason,
          start,
          end,
        });
        counted = true;
      }
    }
  }
  return { scores, matches };
}
