import { expect, test } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";

test("the OpenAPI document served by the build is valid OpenAPI 3.1", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(Object.keys(doc.paths)).toContain("/api/v1/health");
});
