import { expect, test } from "@playwright/test";

/** Bad input over real HTTP gets the documented problem+json 4xx, never a 500. */
test.describe("malformed requests", () => {
  let token: string;
  test.beforeAll(async ({ request }) => {
    const res = await request.post("/api/v1/auth/login", {
      data: { email: "admin@demo.leadline.dev", password: "leadline-demo" },
    });
    token = (await res.json()).accessToken;
  });

  const expectProblem = async (
    res: import("@playwright/test").APIResponse,
    status: number,
    code: string,
  ) => {
    expect(res.status()).toBe(status);
    expect(res.headers()["content-type"]).toBe("application/problem+json");
    expect(res.headers()["x-request-id"]).toBeTruthy();
    expect(await res.json()).toMatchObject({ status, code });
  };

  test("malformed JSON is a 400", async ({ request }) => {
    const res = await request.post("/api/v1/auth/login", {
      headers: { "content-type": "application/json" },
      data: Buffer.from('{"email": "x@y.z", '),
    });
    await expectProblem(res, 400, "invalid_json");
  });

  test("a wrong content type is a 415", async ({ request }) => {
    const res = await request.post("/api/v1/auth/login", {
      headers: { "content-type": "text/plain" },
      data: Buffer.from("email=x"),
    });
    await expectProblem(res, 415, "unsupported_media_type");
  });

  test("an oversized body is a 413", async ({ request }) => {
    const res = await request.post("/api/v1/users", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      data: Buffer.from(JSON.stringify({ email: "a@b.co", name: "x".repeat(1_200_000) })),
    });
    await expectProblem(res, 413, "payload_too_large");
  });

  test("an unknown sort field and an unknown filter are 400s", async ({ request }) => {
    const headers = { authorization: `Bearer ${token}` };
    await expectProblem(
      await request.get("/api/v1/users?sort=-passwordHash", { headers }),
      400,
      "validation_error",
    );
    await expectProblem(
      await request.get("/api/v1/users?favouriteColour=red", { headers }),
      400,
      "validation_error",
    );
  });

  test("a malformed id is a 404 and a missing token a 401", async ({ request }) => {
    await expectProblem(
      await request.get("/api/v1/users/1;drop", { headers: { authorization: `Bearer ${token}` } }),
      404,
      "not_found",
    );
    await expectProblem(await request.get("/api/v1/users"), 401, "unauthenticated");
  });
});
