"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PreferenceState } from "./actions";

const initial: PreferenceState = { status: "idle" };

/** Lifts the unsubscribe in place; the page isn't reloaded, so it can't unsubscribe again. */
export function ResubscribeForm({
  organizationName,
  action,
}: {
  organizationName: string;
  action: () => Promise<PreferenceState>;
}) {
  const [state, submit, pending] = useActionState(action, initial);
  if (state.status === "resubscribed") {
    return (
      <Alert tone="success">
        You&apos;re subscribed to {organizationName} again. Sorry for the confusion.
      </Alert>
    );
  }
  return (
    <form action={submit} className="space-y-3">
      {state.status === "not_resubscribed" && (
        <Alert tone="error">
          This address can&apos;t be resubscribed here. Please contact {organizationName}.
        </Alert>
      )}
      {state.status === "invalid" && <Alert tone="error">This link is no longer valid.</Alert>}
      <Button type="submit" variant="secondary" className="w-full" loading={pending}>
        Resubscribe — that was a mistake
      </Button>
    </form>
  );
}

/** Shown to clients that look like link scanners: a person confirms with one click. */
export function ConfirmUnsubscribeForm({
  organizationName,
  action,
}: {
  organizationName: string;
  action: () => Promise<PreferenceState>;
}) {
  const [state, submit, pending] = useActionState(action, initial);
  if (state.status === "unsubscribed") {
    return <Alert tone="success">You&apos;re unsubscribed from {organizationName}.</Alert>;
  }
  return (
    <form action={submit} className="space-y-3">
      {state.status === "invalid" && <Alert tone="error">This link is no longer valid.</Alert>}
      <Button type="submit" className="w-full" loading={pending}>
        Unsubscribe from {organizationName}
      </Button>
    </form>
  );
}
