import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // process.env is read in exactly one place (lib/env.ts) so configuration is validated once.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "next.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "drizzle.config.ts",
      "lib/testing/**",
      "bench/**",
      ".ci/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
