import fs from "node:fs";
import path from "node:path";

/** ../shared/corpora beside the checkout; absent in a fresh clone, where corpus tests skip. */
export const CORPORA_DIR = path.resolve(process.cwd(), "..", "shared", "corpora");
export const REPLIES_DIR = path.join(CORPORA_DIR, "email-replies", "emails");
export const BOUNCES_DIR = path.join(CORPORA_DIR, "bounces-and-auto-replies");
export const corpusPresent = (dir: string) => fs.existsSync(dir);

/** A reply body from the email-replies corpus (bodies only) as a full message from a lead. */
export function asMessage(body: string): string {
  return [
    "From: Lead <lead@example.com>",
    "To: rep@leadline.test",
    "Subject: Re: Following up",
    "Message-ID: <reply-1@example.com>",
    "In-Reply-To: <sent-1@leadline.test>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
  ].join("\r\n");
}
