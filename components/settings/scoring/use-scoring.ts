"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { ScoreResult } from "@/lib/leads/scoring/compute-score";
import type { scoringConfigSchema } from "@/lib/leads/scoring/scoring-config";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export type ScoringConfig = z.infer<typeof scoringConfigSchema>;
export type ScoringRule = ScoringConfig["rules"][number];
export type ScorePreview = ScoreResult;
export type SampleLead = Record<string, unknown>;
export type EventCounts = Record<string, number>;

export function useScoringConfig() {
  return useQuery({
    queryKey: queryKeys.scoringRules,
    queryFn: ({ signal }) => apiFetch<ScoringConfig>("/scoring-rules", { signal }),
  });
}

/** Saving re-scores every lead in the background, so lead lists are refreshed too. */
export function useSaveScoring() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: ScoringConfig) =>
      apiFetch<ScoringConfig>("/scoring-rules", { method: "PUT", body: config }),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.scoringRules, saved);
      client.invalidateQueries({ queryKey: queryKeys.leads.all });
    },
  });
}

/** A value that only settles after the user stops typing, so previews don't fire per keystroke. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** How a sample lead scores under `config` (draft rules are never saved by this). */
export function useScorePreview(
  config: ScoringConfig | undefined,
  lead: SampleLead,
  events: EventCounts,
) {
  // Compared as text: the caller builds fresh objects every render.
  const settled = useDebounced(JSON.stringify({ config, lead, events }));
  const input = useMemo(
    () => JSON.parse(settled) as { config?: ScoringConfig; lead: SampleLead; events: EventCounts },
    [settled],
  );
  return useQuery({
    queryKey: [...queryKeys.scoringRules, "preview", input],
    queryFn: ({ signal }) =>
      apiFetch<ScorePreview>("/scoring-rules/preview", { body: input, signal }),
    enabled: !!input.config,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
