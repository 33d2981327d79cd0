"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { errorMessage } from "@/lib/client/api";
import {
  fetchRecommendations,
  productContextKeys,
  type Recommendations,
} from "./product-context-queries";

type Kind = Recommendations["recommendations"][number]["kind"];

const KIND: Record<Kind, { label: string; tone: "green" | "blue" | "amber" | "red" }> = {
  winning_non_target: { label: "Add to targets", tone: "green" },
  strong_segment: { label: "Worth targeting", tone: "blue" },
  target_without_wins: { label: "Target without wins", tone: "amber" },
  weak_segment: { label: "Rarely wins", tone: "red" },
};

const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** Which segments are worth targeting, from won and lost leads; every item shows its numbers. */
export function TargetingRecommendations({ mode }: { mode: "llm" | "offline" }) {
  const [narrative, setNarrative] = useState(false);
  const recs = useQuery({
    queryKey: productContextKeys.recommendations(narrative),
    queryFn: ({ signal }) => fetchRecommendations(narrative, signal),
  });
  const data = recs.data;
  const industries = data?.segments.filter((s) => s.dimension === "industry") ?? [];
  return (
    <Card
      title="Who to target"
      description="From your leads' outcomes (won ÷ decided) compared with your target industries."
      actions={
        mode === "llm" && !narrative ? (
          <Button size="sm" variant="secondary" onClick={() => setNarrative(true)}>
            Summarise with AI
          </Button>
        ) : undefined
      }
    >
      {recs.error ? (
        <Alert tone="error">{errorMessage(recs.error)}</Alert>
      ) : !data ? (
        <p className="text-sm">Loading…</p>
      ) : (
        <div className="space-y-4 text-sm">
          <p>
            {data.narrative}{" "}
            {data.mode === "offline" ? (
              <Badge>Offline summary</Badge>
            ) : (
              <Badge tone="blue">AI summary</Badge>
            )}
          </p>
          {data.recommendations.length > 0 && (
            <ul className="space-y-2" aria-label="Recommendations">
              {data.recommendations.map((r) => (
                <li
                  key={`${r.kind}:${r.dimension}:${r.value}`}
                  className="flex flex-wrap items-baseline gap-2 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800"
                >
                  <Badge tone={KIND[r.kind].tone}>{KIND[r.kind].label}</Badge>
                  <span>{r.message}</span>
                </li>
              ))}
            </ul>
          )}
          {industries.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-medium">Win rate by industry</caption>
              <thead className="text-xs text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Industry
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Leads
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Won
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Lost
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Win rate
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Target
                  </th>
                </tr>
              </thead>
              <tbody>
                {industries.map((s) => (
                  <tr key={s.value} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1 pr-3 font-normal">
                      {s.label}
                    </th>
                    <td className="py-1 pr-3">{s.total}</td>
                    <td className="py-1 pr-3">{s.won}</td>
                    <td className="py-1 pr-3">{s.lost}</td>
                    <td className="py-1 pr-3">
                      {pct(s.winRate)}
                      <span className="text-xs text-slate-500">
                        {" "}
                        vs {pct(data.overall.winRate)}
                      </span>
                    </td>
                    <td className="py-1">{s.targeted ? "Yes" : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Card>
  );
}
