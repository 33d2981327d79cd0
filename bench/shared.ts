import { parseArgs } from "node:util";

export const BENCH_PASSWORD = "leadline-bench";
export const benchOwnerEmail = (n: number) => `bench-owner-org${n}@bench.leadline.dev`;

/**
 * --leads N (default 1,000,000), --orgs K (default 3), --import-rows 100000,1000000, --port,
 * --skip-analytics (bench:seed: leads only, for the list and import benchmarks).
 */
export function benchArgs() {
  const { values } = parseArgs({
    options: {
      leads: { type: "string", default: "1000000" },
      orgs: { type: "string", default: "3" },
      "import-rows": { type: "string", default: "100000,1000000" },
      port: { type: "string", default: "3200" },
      seconds: { type: "string", default: "10" },
      "skip-analytics": { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  return {
    leads: Number(values.leads),
    orgs: Number(values.orgs),
    importRows: values["import-rows"]!.split(",").filter(Boolean).map(Number),
    port: Number(values.port),
    seconds: Number(values.seconds),
    skipAnalytics: values["skip-analytics"]!,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
