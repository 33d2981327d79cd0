import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { leadImportChunks, leadImports, leads } from "@/db/schema";
import { processImportSlice } from "@/lib/leads/import/process-import";
import { api } from "@/lib/testing/api-client";
import { createTestOrg, type TestOrg } from "@/lib/testing/fixtures";
import { runPendingJobs } from "@/lib/testing/jobs";

let org: TestOrg;
const admin = () => org.members.admin.token;

beforeAll(async () => {
  org = await createTestOrg("Import");
});

function upload(csv: BodyInit, query = "", token = admin(), type = "text/csv") {
  return api("POST", `/api/v1/leads/import${query}`, {
    token,
    rawBody: csv,
    headers: { "content-type": type },
  });
}

async function importAndRun(csv: BodyInit, query = "", token = admin()) {
  const res = await upload(csv, query, token);
  expect(res.status, res.text).toBe(202);
  await runPendingJobs();
  return (await api("GET", `/api/v1/imports/${res.json.id}`, { token })).json;
}

async function leadByEmail(email: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.organizationId, org.id), eq(leads.email, email)));
  return row;
}

describe("POST /leads/import", () => {
  it("imports good rows, reports bad ones by row and column, and proposes the mapping", async () => {
    const csv = [
      "First Name,Last Name,E-mail Address,Phone Number,Company,Lead Status,Tags,Notes,Owner",
      `Ada,Lovelace,ada@import.test,+44 20 7946 0958,Engines Ltd,qualified,vip;math,Met at a fair,${org.members.rep.email}`,
      "Bad,Email,not-an-email,,,,,,",
      "Unknown,Status,unknown@import.test,,,no-such-stage,,,",
      'Quoted,"Comma, Inc",quoted@import.test,,"Comma, Inc",,,"multi\nline note",',
      "Nobody,Owner,nobody@import.test,,,,,,ghost@nowhere.test",
      "Too,Many,toomany@import.test,,,,,,,extra,cells",
      "",
      "Ada,Again,ADA@import.test,,,,,,",
    ].join("\r\n");
    const res = await upload(csv, "?fileName=people.csv");
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({
      status: "queued",
      totalRows: 7,
      fileName: "people.csv",
      delimiter: ",",
    });
    const fields = Object.fromEntries(
      res.json.mapping.map((m: { header: string; field: string }) => [m.header, m.field]),
    );
    expect(fields).toMatchObject({
      "E-mail Address": "email",
      "Lead Status": "status",
      Owner: "owner",
      Notes: "notes",
    });

    await runPendingJobs();
    const done = (await api("GET", `/api/v1/imports/${res.json.id}`, { token: admin() })).json;
    expect(done).toMatchObject({
      status: "completed",
      rowsProcessed: 7,
      progress: 1,
      created: 2,
      skipped: 1,
      failed: 4,
    });
    expect(done.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: "E-mail Address" }),
        expect.objectContaining({ row: 4, column: "Lead Status" }),
        expect.objectContaining({ row: 6, column: "Owner" }),
        expect.objectContaining({ row: 7, column: null }),
      ]),
    );

    const ada = await leadByEmail("ada@import.test");
    expect(ada).toMatchObject({
      firstName: "Ada",
      phone: "+442079460958",
      status: "qualified",
      source: "import",
      ownerId: org.members.rep.id,
      importId: res.json.id,
    });
    expect(ada!.tags).toEqual(["vip", "math"]);
    const quoted = await leadByEmail("quoted@import.test");
    expect(quoted).toMatchObject({ company: "Comma, Inc", ownerId: org.members.admin.id });
    const notes = await api("GET", `/api/v1/leads/${quoted!.id}/notes`, { token: admin() });
    expect(notes.json.data[0].body).toBe("multi\nline note");

    const errorsCsv = await api("GET", `/api/v1/imports/${res.json.id}/errors`, { token: admin() });
    expect(errorsCsv.headers.get("content-type")).toContain("text/csv");
    const lines = errorsCsv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("row,column,message");
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith("3,E-mail Address,"))).toBe(true);

    // The file is kept only while it may be resumed.
    const db = await getDb();
    expect(await db.$count(leadImportChunks, eq(leadImportChunks.importId, res.json.id))).toBe(0);
  });

  it("never creates duplicates when the same file is imported again, with or without emails", async () => {
    const csv =
      "Name,Email,Company\nGrace Hopper,grace@import.test,Navy\nNo Email Person,,Somewhere\n";
    const first = await importAndRun(csv, "?mode=create");
    expect(first).toMatchObject({ created: 2, skipped: 0 });
    const again = await importAndRun(csv, "?mode=create");
    expect(again).toMatchObject({ created: 0, skipped: 2 });
    const upsert = await importAndRun(csv, "?mode=upsert");
    expect(upsert).toMatchObject({ created: 0, updated: 2 });
    const changed = await importAndRun(
      "Email,Company\ngrace@import.test,US Navy\n",
      "?mode=upsert",
    );
    expect(changed).toMatchObject({ created: 0, updated: 1 });
    const db = await getDb();
    const rows = await db
      .select({ company: leads.company, firstName: leads.firstName, lastName: leads.lastName })
      .from(leads)
      .where(
        and(eq(leads.organizationId, org.id), sql`${leads.company} in ('US Navy', 'Somewhere')`),
      );
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.company === "US Navy")).toMatchObject({
      firstName: "Grace",
      lastName: "Hopper",
    });
  });

  it("update mode touches existing leads only; a dry run writes nothing", async () => {
    const csv = "Email,Job Title\ngrace@import.test,Rear Admiral\nnew-person@import.test,CTO\n";
    const dry = await importAndRun(csv, "?mode=upsert&dryRun=true");
    expect(dry).toMatchObject({ dryRun: true, status: "completed", created: 1, updated: 1 });
    expect(await leadByEmail("new-person@import.test")).toBeUndefined();
    expect((await leadByEmail("grace@import.test"))!.jobTitle).toBeNull();

    const update = await importAndRun(csv, "?mode=update");
    expect(update).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect((await leadByEmail("grace@import.test"))!.jobTitle).toBe("Rear Admiral");
    expect(await leadByEmail("new-person@import.test")).toBeUndefined();
  });

  it("takes multipart uploads with a mapping, fields before the file", async () => {
    const form = new FormData();
    form.set("mode", "create");
    form.set("mapping", JSON.stringify({ Kontakt: "email", Firma: "company", Egal: null }));
    form.set(
      "file",
      new Blob(["Kontakt;Firma;Egal\nmp@import.test;Multipart GmbH;x\n"]),
      "kontakte.csv",
    );
    const res = await api("POST", "/api/v1/leads/import", { token: admin(), rawBody: form });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toMatchObject({ fileName: "kontakte.csv", delimiter: ";", mode: "create" });
    await runPendingJobs();
    expect(await leadByEmail("mp@import.test")).toMatchObject({ company: "Multipart GmbH" });

    const badMapping = new FormData();
    badMapping.set("mapping", JSON.stringify({ Nope: "email", Firma: "favouriteColour" }));
    badMapping.set("file", new Blob(["Kontakt;Firma\na@b.co;X\n"]), "k.csv");
    const bad = await api("POST", "/api/v1/leads/import", { token: admin(), rawBody: badMapping });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "mapping.Firma",
      "mapping.Nope",
    ]);
  });

  it("reads UTF-16, Windows-1252, BOMs, semicolons and tabs", async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("First Name;Last Name;E-Mail\r\nJürgen;Groß;juergen@import.test\r\n", "utf16le"),
    ]);
    expect(await importAndRun(utf16)).toMatchObject({
      encoding: "utf-16le",
      delimiter: ";",
      created: 1,
    });
    expect(await leadByEmail("juergen@import.test")).toMatchObject({
      firstName: "Jürgen",
      lastName: "Groß",
    });

    const latin1 = Buffer.from("First Name\tEmail\nFrançois\tfrancois@import.test\n", "latin1");
    expect(await importAndRun(latin1)).toMatchObject({ encoding: "windows-1252", delimiter: "\t" });
    expect(await leadByEmail("francois@import.test")).toMatchObject({ firstName: "François" });

    const bom = "\uFEFFEmail,Company\nbom@import.test,Bom Co\n";
    expect(await importAndRun(bom)).toMatchObject({ headers: ["Email", "Company"], created: 1 });
  });

  it("refuses files it can't import with a clear 4xx, leaving nothing behind", async () => {
    const db = await getDb();
    const before = await db.$count(leadImports, eq(leadImports.organizationId, org.id));
    const cases: [BodyInit, number, RegExp][] = [
      ["", 400, /no body|empty/i],
      ["   \n\n", 400, /empty/i],
      ["Email,Company\n", 400, /no data rows/i],
      [
        Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",") +
          "\n" +
          "x,".repeat(9999) +
          "x\n",
        400,
        /10000 columns/,
      ],
      ['Email,Company\n"never@closed.test,Oops\n', 400, /never closes/],
      ["Colour,Shape\nred,round\n", 400, /delimiter|mapping/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await upload(body);
      expect(res.status, String(body).slice(0, 40)).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.detail).toMatch(detail);
    }
    const wrongType = await upload("Email\na@b.co\n", "", admin(), "application/json");
    expect(wrongType.status).toBe(415);
    const badMode = await upload("Email\na@b.co\n", "?mode=replace");
    expect(badMode.status).toBe(400);
    // A multipart body cut off before its closing boundary, and one without a file.
    const part =
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nEmail\na@b.co\n';
    for (const [body, detail] of [
      [part, /cut off/],
      ["--XX--\r\n", /no file/],
    ] as const) {
      const res = await upload(body, "", admin(), "multipart/form-data; boundary=XX");
      expect(res.status).toBe(400);
      expect(res.json.detail).toMatch(detail);
    }
    expect(await db.$count(leadImports, eq(leadImports.organizationId, org.id))).toBe(before);
  });

  it("resumes after a crash at the last committed batch, exactly", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `resume${i}@import.test,Resume ${i}`);
    const res = await upload(["Email,Company", ...rows].join("\n"));
    const db = await getDb();
    // A worker that dies after its first slice: 1,000 rows committed with their resume point.
    const partial = await processImportSlice(db, org.id, res.json.id, 1000);
    expect(partial).toEqual({ done: false, rowsProcessed: 1000 });
    const [mid] = await db.select().from(leadImports).where(eq(leadImports.id, res.json.id));
    expect(mid).toMatchObject({ status: "running", rowsProcessed: 1000, created: 1000 });
    await runPendingJobs();
    const done = (await api("GET", `/api/v1/imports/${res.json.id}`, { token: admin() })).json;
    expect(done).toMatchObject({
      status: "completed",
      rowsProcessed: 2500,
      created: 2500,
      failed: 0,
    });
    const imported = await db.$count(leads, eq(leads.importId, res.json.id));
    expect(imported).toBe(2500);
    expect(await leadByEmail("resume2499@import.test")).toMatchObject({ company: "Resume 2499" });
  });

  it("can be cancelled; only failed imports resume", async () => {
    const res = await upload("Email\ncancel@import.test\n");
    const cancelled = await api("POST", `/api/v1/imports/${res.json.id}/cancel`, {
      token: admin(),
    });
    expect(cancelled.json.status).toBe("cancelled");
    await runPendingJobs();
    expect(await leadByEmail("cancel@import.test")).toBeUndefined();
    const again = await api("POST", `/api/v1/imports/${res.json.id}/cancel`, { token: admin() });
    expect(again.status).toBe(409);
    const resume = await api("POST", `/api/v1/imports/${res.json.id}/resume`, { token: admin() });
    expect(resume.status).toBe(409);
  });

  it("runs with the importer's visibility; others' imports are not found", async () => {
    const owned = await api("POST", "/api/v1/leads", {
      token: admin(),
      body: { email: "taken@import.test", ownerId: org.members.admin.id },
    });
    expect(owned.status).toBe(201);
    const rep = org.members.rep.token;
    const result = await importAndRun(
      "Email,Company\ntaken@import.test,Stolen\nrepnew@import.test,Mine\n",
      "?mode=upsert",
      rep,
    );
    expect(result).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect((await leadByEmail("taken@import.test"))!.company).toBeNull();
    expect(await leadByEmail("repnew@import.test")).toMatchObject({ ownerId: org.members.rep.id });

    const mine = await api("GET", "/api/v1/imports", { token: rep });
    expect(mine.json.data.map((i: { id: string }) => i.id)).toEqual([result.id]);
    const all = (await api("GET", "/api/v1/imports?perPage=100", { token: admin() })).json.data;
    expect(all.length).toBeGreaterThan(1);
    const adminsImport = all.find(
      (i: { createdById: string }) => i.createdById === org.members.admin.id,
    );
    expect(adminsImport.id).not.toBe(result.id);
    const hidden = await api("GET", `/api/v1/imports/${adminsImport.id}`, { token: rep });
    expect(hidden.status).toBe(404);
  });
});

const CORPUS_DIR = path.resolve(process.cwd(), "..", "shared", "corpora", "crm-export-headers");
const corpus = fs.existsSync(CORPUS_DIR)
  ? fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".csv"))
  : [];
if (!corpus.length) console.warn(`[skip] CRM export header corpus not found at ${CORPUS_DIR}`);

describe.skipIf(!corpus.length)("importing real CRM exports", () => {
  it.each(corpus)("%s: the proposed mapping finds the email and imports a row", async (file) => {
    const header = fs.readFileSync(path.join(CORPUS_DIR, file), "utf8").split(/\r?\n/)[0]!;
    const proposal = await api("POST", "/api/v1/leads/import/propose-mapping", {
      token: admin(),
      body: { headers: header.split(",").map((h) => h.replace(/^"|"$/g, "")) },
    });
    expect(proposal.status).toBe(200);
    const columns: { index: number; field: string | null }[] = proposal.json.columns;
    const emailColumn = columns.find((c) => c.field === "email");
    if (!emailColumn) {
      // Account-level exports have no person email: the import then needs a name or company.
      expect(columns.some((c) => c.field === "company")).toBe(true);
      return;
    }
    const cells = columns.map(() => "");
    const email = `${file.replace(/\W/g, "")}@corpus.test`;
    cells[emailColumn.index] = email;
    const result = await importAndRun(`${header}\n${cells.join(",")}\n`);
    expect(result).toMatchObject({ status: "completed", created: 1, failed: 0 });
    expect(await leadByEmail(email)).toBeDefined();
  });
});

describe("GET /leads/export", () => {
  it("streams the filtered, visible leads as CSV that imports straight back", async () => {
    await api("POST", "/api/v1/leads", {
      token: admin(),
      body: {
        email: "formula@export.test",
        company: '=HYPERLINK("http://evil")',
        tags: ["export"],
        status: "qualified",
      },
    });
    const res = await api("GET", "/api/v1/leads/export?format=csv&tag=export", { token: admin() });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="leads-/);
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^First Name,Last Name,Email,/);
    expect(lines[1]).toContain("formula@export.test");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);

    // A rep sees only their own and unassigned leads in an export, as in the list.
    const repExport = await api("GET", "/api/v1/leads/export", { token: org.members.rep.token });
    expect(repExport.text).not.toContain("taken@import.test");
    expect(repExport.text).toContain("repnew@import.test");

    const bad = await api("GET", "/api/v1/leads/export?minScore=lots", { token: admin() });
    expect(bad.status).toBe(400);

    // The export's headers map back onto the same fields.
    const proposal = await api("POST", "/api/v1/leads/import/propose-mapping", {
      token: admin(),
      body: { headers: lines[0]!.split(",") },
    });
    const mapped = proposal.json.columns.filter((c: { field: string | null }) => c.field);
    expect(mapped.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining([
        "firstName",
        "lastName",
        "email",
        "company",
        "status",
        "owner",
        "tags",
      ]),
    );
    expect(mapped.map((c: { field: string }) => c.field)).not.toContain("score");
  });

  it("comes in the order the table shows (sort=…), newest first by default", async () => {
    for (const company of ["Beta sorted", "Alpha sorted", "Gamma sorted"]) {
      await api("POST", "/api/v1/leads", { token: admin(), body: { company, tags: ["sorted"] } });
    }
    const companies = async (sort?: string) => {
      const query = `tag=sorted${sort ? `&sort=${sort}` : ""}`;
      const res = await api("GET", `/api/v1/leads/export?${query}`, { token: admin() });
      expect(res.status, res.text).toBe(200);
      return res.text
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => /(Alpha|Beta|Gamma) sorted/.exec(line)?.[1]);
    };
    expect(await companies("company")).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(await companies("-company")).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(await companies()).toEqual(["Gamma", "Alpha", "Beta"]);
    const bad = await api("GET", "/api/v1/leads/export?sort=password", { token: admin() });
    expect(bad.status).toBe(400);
  });
});
