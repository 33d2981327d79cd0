import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readUpload } from "./upload";

function multipart(body: string) {
  return new Request("http://test/upload", {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=XX" },
    body,
  });
}

async function drain(file: AsyncIterable<Uint8Array>) {
  let text = "";
  for await (const chunk of file) text += Buffer.from(chunk).toString("utf8");
  return text;
}

describe("readUpload", () => {
  it("streams the file part with the fields sent before it", async () => {
    const upload = await readUpload(
      multipart(
        '--XX\r\nContent-Disposition: form-data; name="mode"\r\n\r\ncreate\r\n' +
          '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nEmail\na@b.co\r\n--XX--\r\n',
      ),
    );
    expect(upload.fields).toEqual({ mode: "create" });
    expect(upload.fileName).toBe("a.csv");
    expect(await drain(upload.file)).toBe("Email\na@b.co");
  });

  it("reports a body cut off before its closing boundary as a 400, even if read late", async () => {
    const upload = await readUpload(
      multipart(
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nEmail\n',
      ),
    );
    // The parser fails the file stream before anyone reads it: that must not crash the process.
    await new Promise((r) => setTimeout(r, 50));
    const error = await drain(upload.file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(/cut off/);
  });
});
