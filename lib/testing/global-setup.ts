import type { TestProject } from "vitest/node";
import { env } from "@/lib/env";
import { createTemplate, dropTemplate } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplate: import("./test-databases").TestDatabaseTemplate;
  }
}

/** Once per run: migrate the template database every test file copies. */
export default async function setup(project: TestProject) {
  const template = await createTemplate(env.DATABASE_URL);
  console.log(
    `[tests] database: ${template.driver === "postgres" ? `PostgreSQL (${new URL(env.DATABASE_URL!).host})` : "PGlite (embedded)"}`,
  );
  project.provide("testDatabaseTemplate", template);
  return async () => {
    await dropTemplate(template);
  };
}
