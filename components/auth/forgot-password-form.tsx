"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";

export function ForgotPasswordForm() {
  const [state, setState] = useState<{ done?: string; error?: string; pending?: boolean }>({});
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    setState({ pending: true });
    try {
      const res = await apiFetch<{ message: string }>("/auth/forgot-password", { body: { email } });
      setState({ done: res.message });
    } catch (e) {
      setState({ error: errorMessage(e) });
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold">Reset your password</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        We&apos;ll email you a link to choose a new one.
      </p>
      {state.done && <Alert tone="success">{state.done}</Alert>}
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Button type="submit" className="w-full" loading={state.pending}>
        Send reset link
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-600 hover:underline dark:text-brand-500">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
