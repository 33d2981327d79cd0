"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { customFieldSchema, optionSchema } from "@/lib/leads/lead-options";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

export type LeadOption = z.infer<typeof optionSchema>;
export type CustomField = z.infer<typeof customFieldSchema>;

export interface LeadOptions {
  status: LeadOption[];
  source: LeadOption[];
  industry: LeadOption[];
  lostReason: LeadOption[];
  temperature: { value: string; label: string }[];
  customFields: CustomField[];
}

export interface MemberOption {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
}

/** Picklists and custom fields, shared by the table, the lead page, forms and the importer. */
export function useLeadOptions() {
  return useQuery({
    queryKey: queryKeys.leadOptions,
    queryFn: ({ signal }) => apiFetch<LeadOptions>("/lead-options", { signal }),
    staleTime: 60_000,
  });
}

/** Active members, for owner pickers and owner names (the API decides who may be assigned). */
export function useMembers() {
  return useQuery({
    queryKey: queryKeys.members.list({ status: "active", perPage: 100, sort: "name" }),
    queryFn: ({ signal }) =>
      apiFetch<{ data: MemberOption[] }>("/users", {
        query: { status: "active", perPage: 100, sort: "name" },
        signal,
      }),
    select: (d) => d.data,
    staleTime: 60_000,
  });
}

/** The label of a picklist value, falling back to the stored value for retired/unknown ones. */
export function optionLabel(
  options: { value: string; label: string }[] | undefined,
  value: string | null,
) {
  if (!value) return "";
  return options?.find((o) => o.value === value)?.label ?? value;
}
