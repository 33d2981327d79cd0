"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";
import { hardNavigate } from "@/lib/client/hard-navigate";

export function SignupForm() {
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.fieldError(path) : undefined;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? "").trim() || undefined,
      email: String(form.get("email")),
      password: String(form.get("password")),
      organizationName: String(form.get("organizationName") ?? "").trim() || undefined,
    };
    setPending(true);
    setError(undefined);
    try {
      await apiFetch("/auth/register", { body });
      const result = await signIn("credentials", {
        email: body.email,
        password: body.password,
        redirect: false,
      });
      if (result?.error) throw new Error("Your account was created; sign in to continue.");
      hardNavigate("/");
    } catch (e) {
      setError(e);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-xl font-semibold">Create your account</h1>
      {error !== undefined && !(error instanceof ApiError && error.problem.errors?.length) && (
        <Alert tone="error">{errorMessage(error)}</Alert>
      )}
      <Field label="Your name" name="name" autoComplete="name" error={fieldError("name")} />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldError("email")}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        hint="At least 8 characters."
        error={fieldError("password")}
      />
      <Field
        label="Organization name"
        name="organizationName"
        placeholder="Acme Realty"
        error={fieldError("organizationName")}
      />
      <Button type="submit" className="w-full" loading={pending}>
        Create account
      </Button>
      <p className="text-center text-sm">
        Already have an account?{" "}
        <Link href="/login" className="text-brand-600 hover:underline dark:text-brand-500">
          Sign in
        </Link>
      </p>
    </form>
  );
}
