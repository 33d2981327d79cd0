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
  canEdit,
}: {
  name: string;
  slug: string;
  canEdit: boolean;
}) {
  const router = useRouter();
  const save = useMutation({
    mutationFn: (value: string) =>
      apiFetch("/organization", { method: "PATCH", body: { name: value } }),
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
          save.mutate(String(new FormData(e.currentTarget).get("name")));
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
        {canEdit && (
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        )}
      </form>
    </Card>
  );
}
