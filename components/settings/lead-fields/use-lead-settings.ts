"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { createCustomFieldInput, replaceOptionsInput } from "@/lib/leads/manage-options";
import { apiFetch } from "@/lib/client/api";
import type { CustomField, LeadOption, LeadOptions } from "@/lib/client/lead-hooks";
import { queryKeys } from "@/lib/client/query-keys";

export type PicklistKind = "status" | "source" | "industry" | "lost_reason";
export type PicklistInput = z.infer<typeof replaceOptionsInput>["options"];
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldInput>;
export type CustomFieldPatch = Partial<
  Pick<CustomField, "label" | "options" | "required" | "position" | "archived">
>;

export type StatusCategory = NonNullable<LeadOption["category"]>;

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  open: "Open",
  won: "Won",
  lost: "Lost",
};

/** The GET /lead-options key each picklist kind is served under. */
export const OPTIONS_KEY = {
  status: "status",
  source: "source",
  industry: "industry",
  lost_reason: "lostReason",
} as const satisfies Record<PicklistKind, keyof LeadOptions>;

/** An option as PUT /lead-options/{kind} takes it back (positions are the array order). */
export function toInput(o: LeadOption): PicklistInput[number] {
  return { value: o.value, label: o.label, category: o.category, retired: o.retired };
}

/** Replace one picklist; the API answers with the list as stored, which goes straight to cache. */
export function useReplacePicklist(kind: PicklistKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (options: PicklistInput) =>
      apiFetch<{ data: LeadOption[] }>(`/lead-options/${kind}`, {
        method: "PUT",
        body: { options },
      }),
    onSuccess: ({ data }) => {
      client.setQueryData<LeadOptions>(queryKeys.leadOptions, (old) =>
        old ? { ...old, [OPTIONS_KEY[kind]]: data } : old,
      );
      client.invalidateQueries({ queryKey: queryKeys.leadOptions });
    },
  });
}

function useInvalidateFields() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.leadOptions }),
      client.invalidateQueries({ queryKey: queryKeys.customFields }),
    ]);
}

export function useCreateCustomField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (body: CreateCustomFieldInput) => apiFetch<CustomField>("/custom-fields", { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CustomFieldPatch }) =>
      apiFetch<CustomField>(`/custom-fields/${id}`, { method: "PATCH", body: patch }),
    onSuccess: invalidate,
  });
}

/**
 * Put custom fields in the given order. Positions are per field, so only the fields whose
 * position changes are patched.
 */
export function useReorderCustomFields() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: async (ordered: CustomField[]) => {
      for (const [position, field] of ordered.entries()) {
        if (field.position !== position) {
          await apiFetch(`/custom-fields/${field.id}`, { method: "PATCH", body: { position } });
        }
      }
    },
    onSettled: invalidate,
  });
}
