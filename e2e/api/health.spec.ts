import { expect, test } from "@playwright/test";

test("the health endpoint reports a working installation", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["x-request-id"]).toBeTruthy();
  const body = await res.json();
  expect(body).toMatchObject({
    status: "ok",
    database: { reachable: true, driver: "pglite", migrations: { current: true } },
    jobs: { engine: "embedded", reachable: true },
    email: { mode: "local_outbox" },
    ai: { mode: "offline" },
  });
});

test("unknown API paths get a problem+json 404, not an HTML page", async ({ request }) => {
  const res = await request.post("/api/v1/no-such-thing", { data: { a: 1 } });
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
  expect(await res.json()).toMatchObject({ code: "not_found", status: 404 });
});
