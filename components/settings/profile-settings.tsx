"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ApiError, apiFetch, errorMessage } from "@/lib/client/api";

export function ProfileSettings({ name, email }: { name: string; email: string }) {
  const [saved, setSaved] = useState<string>();
  const rename = useMutation({
    mutationFn: (value: string) => apiFetch("/auth/me", { method: "PATCH", body: { name: value } }),
    onSuccess: () => setSaved("Name saved."),
  });
  const password = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch("/auth/me", { method: "PATCH", body }),
    onSuccess: () => setSaved("Password changed. Your other sessions were signed out."),
  });
  const pwError = password.error instanceof ApiError ? password.error : undefined;
  return (
    <>
      {saved && <Alert tone="success">{saved}</Alert>}
      <Card title="Profile" description={email}>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(undefined);
            rename.mutate(String(new FormData(e.currentTarget).get("name")));
          }}
        >
          <Field
            label="Name"
            name="name"
            defaultValue={name}
            required
            maxLength={120}
            className="min-w-64 flex-1"
            error={rename.error ? errorMessage(rename.error) : undefined}
          />
          <Button type="submit" loading={rename.isPending}>
            Save
          </Button>
        </form>
      </Card>
      <Card title="Password" description="Changing it signs you out everywhere else.">
        <form
          className="grid max-w-md gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(undefined);
            const form = new FormData(e.currentTarget);
            password.mutate(
              {
                currentPassword: String(form.get("currentPassword")),
                newPassword: String(form.get("newPassword")),
              },
              { onSuccess: () => (e.target as HTMLFormElement).reset() },
            );
          }}
        >
          {password.error && !pwError?.problem.errors && (
            <Alert tone="error">{errorMessage(password.error)}</Alert>
          )}
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={pwError?.fieldError("currentPassword")}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={128}
            required
            error={pwError?.fieldError("newPassword")}
          />
          <div>
            <Button type="submit" loading={password.isPending}>
              Change password
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
