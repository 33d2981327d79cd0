import { getDatabase } from "./client";
import { runScript } from "./run-script";
import { seedDemoData } from "../lib/seed/seed-demo";
import { formatDemoLogins } from "../lib/seed/demo-users";

// npm run db:seed — the demo organization (idempotent), then the logins to try it with.
runScript(async () => {
  const handle = await getDatabase();
  const result = await seedDemoData(handle.db);
  console.log(
    result.created ? "Seeded the demo organization." : "The demo organization already exists.",
  );
  console.log(formatDemoLogins());
});
