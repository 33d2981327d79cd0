import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { isBotUserAgent } from "@/lib/tracking/bot-detection";
import { unsubscribeByToken, unsubscribeTarget } from "@/lib/tracking/unsubscribe-lead";
import { resubscribeAction, unsubscribeAction } from "./actions";
import { ConfirmUnsubscribeForm, ResubscribeForm } from "./preference-forms";

/**
 * The link in every campaign email. Opening it unsubscribes at once (no login, no second click),
 * as the issue asks — except for clients that look like link scanners, which would otherwise
 * unsubscribe people just by inspecting their mail: they get a confirmation button instead.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  if (isBotUserAgent((await headers()).get("user-agent"))) {
    const target = await unsubscribeTarget(db, token);
    if (!target) notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Unsubscribe from {target.organizationName}?</h1>
        <ConfirmUnsubscribeForm
          organizationName={target.organizationName}
          action={unsubscribeAction.bind(null, token)}
        />
      </div>
    );
  }
  const outcome = await unsubscribeByToken(db, token, "link");
  if (!outcome) notFound();
  const who = outcome.email ? <strong>{outcome.email}</strong> : "This address";
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        You&apos;re unsubscribed from {outcome.organizationName}
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {who} won&apos;t receive any more emails from {outcome.organizationName}.
      </p>
      <ResubscribeForm
        organizationName={outcome.organizationName}
        action={resubscribeAction.bind(null, token)}
      />
    </div>
  );
}
