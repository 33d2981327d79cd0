"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { HotLeads, NewlyAssigned } from "./lead-lists";
import { RemindersDue } from "./reminders-due";

export type DayScope = "mine" | "team";

/**
 * A rep's morning: what is overdue, what is due today, who was just assigned, who is hot.
 * Managers (and admins) can switch to their team — the API narrows "team" to what they may see.
 */
export function MyDay({ canSeeTeam }: { canSeeTeam: boolean }) {
  const [scope, setScope] = useState<DayScope>(canSeeTeam ? "team" : "mine");
  return (
    <div className="space-y-6">
      {canSeeTeam && (
        <div
          role="radiogroup"
          aria-label="Whose day"
          className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700"
        >
          {(["mine", "team"] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={scope === s}
              onClick={() => setScope(s)}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                scope === s
                  ? "bg-brand-600 text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {s === "mine" ? "Mine" : "My team"}
            </button>
          ))}
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <RemindersDue due="overdue" scope={scope} />
        <RemindersDue due="today" scope={scope} />
        <NewlyAssigned scope={scope} />
        <HotLeads scope={scope} />
      </div>
    </div>
  );
}
