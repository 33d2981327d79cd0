import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { REPLY_CATEGORIES, replyReferralSchema } from "@/lib/ai/reply-classification";

export const labelledReplySchema = z.object({
  id: z.string(),
  lang: z.string(),
  split: z.enum(["dev", "test", "fresh"]),
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  receivedAt: z.iso.datetime(),
  label: z.enum(REPLY_CATEGORIES),
  returnDate: z.iso.date().nullable().optional(),
  referral: replyReferralSchema.nullable().optional(),
});
export type LabelledReply = z.infer<typeof labelledReplySchema>;

export const LABELLED_SET_PATH = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "replies.jsonl",
);

/** The labelled replies kept in the repo (see README.md beside it for how they were labelled). */
export function loadLabelledSet(file = LABELLED_SET_PATH): LabelledReply[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const parsed = labelledReplySchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`replies.jsonl line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
