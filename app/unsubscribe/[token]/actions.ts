"use server";

import { getDb } from "@/db/client";
import { resubscribeByToken, unsubscribeByToken } from "@/lib/tracking/unsubscribe-lead";

export interface PreferenceState {
  status: "idle" | "unsubscribed" | "resubscribed" | "not_resubscribed" | "invalid";
}

/** "That was a mistake": the token is the only authority, verified inside. */
export async function resubscribeAction(token: string): Promise<PreferenceState> {
  const result = await resubscribeByToken(await getDb(), token);
  if (!result) return { status: "invalid" };
  return { status: result.resubscribed ? "resubscribed" : "not_resubscribed" };
}

/** The button shown when the page was fetched by a link scanner rather than a person. */
export async function unsubscribeAction(token: string): Promise<PreferenceState> {
  const result = await unsubscribeByToken(await getDb(), token, "link");
  return { status: result ? "unsubscribed" : "invalid" };
}
