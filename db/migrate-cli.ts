import { getDatabase } from "./client";
import { getMigrationStatus } from "./migrate";
import { runScript } from "./run-script";

// npm run db:migrate — apply pending migrations (the app also does this itself at start).
runScript(async () => {
  const handle = await getDatabase();
  const status = await getMigrationStatus(handle);
  console.log(
    `Migrations applied on ${handle.driver} (${handle.location}): ${status.applied}/${status.available}`,
  );
});
