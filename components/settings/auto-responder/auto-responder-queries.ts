import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { RuleDto, RunDto, ruleInput } from "@/lib/auto-responder/rule-schemas";
import type { TestRulesResult } from "@/lib/auto-responder/test-rules";
import { apiFetch } from "@/lib/client/api";

export type Rule = RuleDto;
export type Run = RunDto;
export type RuleBody = z.input<typeof ruleInput>;
export type { TestRulesResult };

interface Page<T> {
  data: T[];
  pagination: { total: number };
}

/** Query keys for Settings → Auto-responder: a rule change refreshes the list; runs poll. */
export const autoResponderKeys = {
  all: ["auto-responder"] as const,
  rules: ["auto-responder", "rules"] as const,
  runs: ["auto-responder", "runs"] as const,
  templates: ["auto-responder", "templates"] as const,
  campaigns: ["auto-responder", "campaigns"] as const,
};

export const useRules = () =>
  useQuery({
    queryKey: autoResponderKeys.rules,
    queryFn: ({ signal }) =>
      apiFetch<Page<Rule>>("/auto-responder/rules", { query: { perPage: 100 }, signal }),
    select: (d) => d.data,
  });

export const useRuns = () =>
  useQuery({
    queryKey: autoResponderKeys.runs,
    queryFn: ({ signal }) =>
      apiFetch<Page<Run>>("/auto-responder/runs", { query: { perPage: 20 }, signal }),
    refetchInterval: 15_000,
  });

/** The pickers: templates to send and campaigns to scope by (names only). */
export const useTemplateChoices = () =>
  useQuery({
    queryKey: autoResponderKeys.templates,
    queryFn: ({ signal }) =>
      apiFetch<Page<{ id: string; name: string }>>("/templates", {
        query: { perPage: 100, sort: "name" },
        signal,
      }),
    select: (d) => d.data,
    staleTime: 60_000,
  });

export const useCampaignChoices = () =>
  useQuery({
    queryKey: autoResponderKeys.campaigns,
    queryFn: ({ signal }) =>
      apiFetch<Page<{ id: string; name: string }>>("/campaigns", {
        query: { perPage: 100, sort: "-updatedAt" },
        signal,
      }),
    select: (d) => d.data,
    staleTime: 60_000,
  });
