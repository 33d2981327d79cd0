import { afterAll, inject } from "vitest";
import { closeDatabase, setDatabaseFactory } from "@/db/client";
import { openTestDatabase } from "./test-databases";

// Each test file gets its own database, created the first time the file touches it.
const template = inject("testDatabaseTemplate");
setDatabaseFactory(() => openTestDatabase(template));

afterAll(async () => {
  await closeDatabase();
  setDatabaseFactory(undefined);
});
