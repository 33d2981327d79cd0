"use client";

import { AnalyticsTabs } from "./analytics-tabs";
import { AnalyticsFilterBar } from "./filter-bar";
import { ScopeLabel } from "./scope-label";

export function AnalyticsHeader() {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Analytics</h1>
        <ScopeLabel />
      </div>
      <AnalyticsTabs />
      <AnalyticsFilterBar />
    </div>
  );
}
