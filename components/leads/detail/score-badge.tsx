import { Badge } from "@/components/ui/badge";
import type { LeadDetail } from "./lead-types";

const TEMPERATURE_TONE = { hot: "red", warm: "amber", cold: "blue" } as const;
const TEMPERATURE_LABEL = { hot: "Hot", warm: "Warm", cold: "Cold" } as const;

/** The score as a number plus its temperature, which is what people scan for. */
export function ScoreBadge({ score, temperature }: Pick<LeadDetail, "score" | "temperature">) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="text-lg font-semibold tabular-nums">{score}</span>
      <Badge tone={TEMPERATURE_TONE[temperature]}>{TEMPERATURE_LABEL[temperature]}</Badge>
    </span>
  );
}
