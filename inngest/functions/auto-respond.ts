import { getDb } from "@/db/client";
import type { AutoResponderActionOutcome } from "@/db/schema";
import { matchClassifiedReply } from "@/lib/auto-responder/match-classified-reply";
import { runRuleAction } from "@/lib/auto-responder/run-rule-action";
import { inngest } from "../client";
import { replyClassified } from "../events";

/**
 * A reply's verdict may act (classified confidently, or confirmed by a person): run the
 * auto-responder rules it matches. Each action is its own step and records its outcome once per
 * rule and message, so a retry never sends or notifies twice. Immediate actions run first; sends
 * with a delay wait (counted from the match) and then re-check the lead at send time.
 */
export const autoRespondFn = inngest.createFunction(
  {
    id: "auto-respond",
    triggers: [replyClassified],
    concurrency: { limit: 1, key: "event.data.organizationId" },
    retries: 3,
  },
  async ({ event, step }) => {
    const { organizationId, messageId } = event.data;
    const match = await step.run("match-rules", async () =>
      matchClassifiedReply(await getDb(), { organizationId, messageId }),
    );
    if (!match) return { skipped: true, runs: [] };
    const outcomes: Record<string, AutoResponderActionOutcome> = {};
    const act = async (
      runId: string,
      ruleId: string,
      action: (typeof match.runs)[number]["actions"][number],
    ) => {
      outcomes[`${ruleId}:${action}`] = (await step.run(`${action}-${ruleId}`, async () =>
        runRuleAction(await getDb(), { organizationId, runId, action }),
      )) as AutoResponderActionOutcome;
    };
    for (const run of match.runs) {
      for (const action of run.actions) {
        if (action === "send_template" && run.sendDelayMinutes > 0) continue;
        await act(run.runId, run.ruleId, action);
      }
    }
    const delayed = match.runs
      .filter((r) => r.actions.includes("send_template") && r.sendDelayMinutes > 0)
      .sort((a, b) => a.sendDelayMinutes - b.sendDelayMinutes);
    for (const run of delayed) {
      const at = new Date(Date.parse(match.matchedAt) + run.sendDelayMinutes * 60_000);
      await step.sleepUntil(`wait-${run.ruleId}`, at);
      await act(run.runId, run.ruleId, "send_template");
    }
    return { skipped: false, runs: match.runs.map((r) => r.ruleId), outcomes };
  },
);
