import { closeDatabase } from "./client";

/** Run a database script: always close the database (PGlite hangs otherwise), exit 1 on failure. */
export function runScript(main: () => Promise<void>): void {
  main()
    .then(() => closeDatabase())
    .catch(async (error) => {
      console.error(error instanceof Error ? error.message : error);
      await closeDatabase().catch(() => {});
      process.exit(1);
    });
}
