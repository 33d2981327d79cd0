"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { apiFetch, errorMessage } from "@/lib/client/api";

export function OrganizationSettings({
  name,
  slug,
  currency,
  canEdit,
}: {
  name: string;
  slug: string;
  currency: string;
  canEdit: boolean;
}) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (body: { name: string; currency: string }) =>
      apiFetch("/organization", { method: "PATCH", body }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Card title="Organization" description={`Identifier: ${slug}`}>
      {save.isSuccess && (
        <Alert tone="success" className="mb-3">
          Saved.
        </Alert>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          save.mutate({
            name: String(form.get("name")),
            currency: String(form.get("currency")).trim().toUpperCase(),
          });
        }}
      >
        <Field
          label="Name"
          name="name"
          defaultValue={name}
          required
          maxLength={120}
          disabled={!canEdit}
          className="min-w-64 flex-1"
          error={save.error ? errorMessage(save.error) : undefined}
        />
        <Field
          label="Currency"
          name="currency"
          defaultValue={currency}
          required
          pattern="[A-Za-z]{3}"
          maxLength={3}
          disabled={!canEdit}
          className="w-28"
          hint="ISO 4217, e.g. EUR — deals and campaign costs default to it"
        />
        {canEdit && (
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        )}
      </form>
    </Card>
  );
}
