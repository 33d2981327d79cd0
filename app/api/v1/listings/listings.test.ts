import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/crypto/ids";
import { createLead } from "@/lib/leads/create-lead";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("Listings");
  other = await createTestOrg("Other listings");
});

const post = (body: Record<string, unknown>, token = org.members.rep.token) =>
  api("POST", "/api/v1/listings", { token, body });

describe("listings", () => {
  it("create, read, filter, update, delete", async () => {
    const tag = newId().slice(-6);
    const flat = await post({
      title: `Loft ${tag}`,
      type: "Apartment",
      price: 320000,
      location: "Berlin",
      listedAt: "2026-05-01T10:00:00.000Z",
    });
    expect(flat.status).toBe(201);
    expect(flat.json).toMatchObject({
      title: `Loft ${tag}`,
      type: "apartment",
      price: 320000,
      currency: "USD",
      location: "Berlin",
      status: "active",
      listedAt: "2026-05-01T10:00:00.000Z",
      soldAt: null,
      ownerId: org.members.rep.id,
    });
    const house = await post({
      title: `House ${tag}`,
      type: "house",
      price: 610000,
      currency: "EUR",
      location: "Hamburg",
      status: "sold",
      listedAt: "2026-03-01T10:00:00.000Z",
      soldAt: "2026-06-01T10:00:00.000Z",
      soldPrice: 600000.5,
    });
    expect(house.status).toBe(201);

    const byLocation = await api("GET", "/api/v1/listings?location=berlin", {
      token: org.members.manager.token,
    });
    expect(byLocation.status).toBe(200);
    expect(byLocation.json.data.map((l: { id: string }) => l.id)).toEqual([flat.json.id]);
    const sold = await api("GET", "/api/v1/listings?status=sold&type=house", {
      token: org.keys.integration.secret,
    });
    expect(sold.json.data.map((l: { id: string }) => l.id)).toEqual([house.json.id]);
    const q = await api("GET", `/api/v1/listings?q=loft%20${tag}`, {
      token: org.members.owner.token,
    });
    expect(q.json.data).toHaveLength(1);
    const paged = await api("GET", "/api/v1/listings?perPage=1", {
      token: org.members.owner.token,
    });
    expect(paged.json.data[0].id).toBe(flat.json.id); // newest listed first
    const next = await api(
      "GET",
      `/api/v1/listings?perPage=1&cursor=${paged.json.pagination.nextCursor}`,
      { token: org.members.owner.token },
    );
    expect(next.json.data[0].id).toBe(house.json.id);

    const patched = await api("PATCH", `/api/v1/listings/${flat.json.id}`, {
      token: org.members.rep.token,
      body: { status: "sold", soldAt: "2026-07-15T12:00:00.000Z", soldPrice: 315000 },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ status: "sold", soldPrice: 315000 });
    const got = await api("GET", `/api/v1/listings/${flat.json.id}`, {
      token: org.members.rep2.token,
    });
    expect(got.json.soldAt).toBe("2026-07-15T12:00:00.000Z");

    const del = await api("DELETE", `/api/v1/listings/${flat.json.id}`, {
      token: org.members.owner.token,
    });
    expect(del.status).toBe(204);
    const gone = await api("GET", `/api/v1/listings/${flat.json.id}`, {
      token: org.members.owner.token,
    });
    expect(gone.status).toBe(404);
  });

  it("validates price, currency, status, and the sold date", async () => {
    const base = { title: "Plot", type: "land", price: 1000, location: "Munich" };
    for (const body of [
      { ...base, price: -1 },
      { ...base, currency: "euro" },
      { ...base, status: "gone" },
      { ...base, title: "" },
      { ...base, extra: 1 },
    ]) {
      expect((await post(body)).status, JSON.stringify(body)).toBe(400);
    }
    const noDate = await post({ ...base, status: "sold" });
    expect(noDate.status).toBe(400);
    expect(noDate.json.errors).toEqual([
      { path: "soldAt", message: "A sold listing needs the date it sold" },
    ]);
    const early = await post({
      ...base,
      listedAt: "2026-05-01T00:00:00Z",
      status: "sold",
      soldAt: "2026-04-01T00:00:00Z",
    });
    expect(early.json.errors).toEqual([
      { path: "soldAt", message: "Cannot be before the listing date" },
    ]);
    const ok = await post(base);
    const toSold = await api("PATCH", `/api/v1/listings/${ok.json.id}`, {
      token: org.members.rep.token,
      body: { status: "sold" },
    });
    expect(toSold.status).toBe(400);
    const badQuery = await api("GET", "/api/v1/listings?status=nope", {
      token: org.members.rep.token,
    });
    expect(badQuery.status).toBe(400);
  });

  it("another organization's listing is a 404, and can't be referenced by an inquiry or event", async () => {
    const theirs = await post(
      { title: "Their flat", type: "apartment", price: 1, location: "Paris" },
      other.members.owner.token,
    );
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const res = await api(method, `/api/v1/listings/${theirs.json.id}`, {
        token: org.members.owner.token,
        ...(method === "PATCH" ? { body: { price: 2 } } : {}),
      });
      expect(res.status, method).toBe(404);
    }
    const lead = await createLead(org.ctx("owner"), {
      firstName: "Inquirer",
      email: `inq-${newId().slice(-10)}@example.org`,
      ownerId: null,
    });
    const foreign = await api("POST", `/api/v1/leads/${lead.id}/inquiries`, {
      token: org.members.rep.token,
      body: { message: "Is it still available?", listingId: theirs.json.id },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors[0].path).toBe("listingId");
    const event = await api("POST", `/api/v1/leads/${lead.id}/events`, {
      token: org.members.rep.token,
      body: { type: "listing_view", listingId: theirs.json.id },
    });
    expect(event.status).toBe(422);

    const ours = await post({ title: "Our flat", type: "apartment", price: 1, location: "Rome" });
    const inquiry = await api("POST", `/api/v1/leads/${lead.id}/inquiries`, {
      token: org.members.rep.token,
      body: { message: "Is it still available?", listingId: ours.json.id },
    });
    expect(inquiry.status).toBeLessThan(300);
    const listed = await api("GET", `/api/v1/leads/${lead.id}/inquiries`, {
      token: org.members.rep.token,
    });
    expect(listed.json.data[0].listingId).toBe(ours.json.id);
    const tracked = await api("POST", `/api/v1/leads/${lead.id}/events`, {
      token: org.members.rep.token,
      body: { type: "listing_view", listingId: ours.json.id },
    });
    expect(tracked.status).toBeLessThan(300);
    expect(tracked.json.listingId).toBe(ours.json.id);
  });
});
