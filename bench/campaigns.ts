/**
 * npm run bench:campaigns [-- --recipients 100000 --sends 2000] — against PostgreSQL.
 *
 * What issue 6 promises about large campaigns: adding 100,000 leads by filter, launching (the
 * request must answer in under 2 s — it writes one event; the fan-out runs in the background),
 * the fan-out that starts one sequence per recipient, the sequences composing their first step,
 * and delivery through the real Resend SDK to a local stand-in for Resend's API — with messages/s
 * and CPU per stage, and whether the provider's rate limit or our code is the bottleneck. Each run
 * builds a fresh organization; the figures go into BENCHMARKS.md between the campaign markers.
 */
import { parseArgs } from "node:util";
import { startFakeServer } from "@/lib/testing/fake-http-server";

const { values } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    sends: { type: "string", default: "2000" },
  },
});

let messages = 0;
const fake = await startFakeServer((req) => {
  const body = JSON.parse(req.body || "null");
  if (req.url === "/emails/batch" && Array.isArray(body)) {
    messages += body.length;
    return { status: 200, body: { data: body.map(() => ({ id: crypto.randomUUID() })) } };
  }
  messages += 1;
  return { status: 200, body: { id: crypto.randomUUID() } };
});
// lib/env reads the environment once, at import: set the provider before loading the app.
process.env.RESEND_API_KEY = "re_bench_local_fake";
process.env.RESEND_BASE_URL = fake.url;
process.env.LOG_LEVEL ??= "warn";

const { runCampaignBench } = await import("./campaigns-run");
runCampaignBench({
  recipients: Number(values.recipients),
  sends: Number(values.sends),
  provider: {
    url: fake.url,
    requests: () => fake.requests.length,
    messages: () => messages,
    close: fake.close,
  },
});
