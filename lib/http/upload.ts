import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";

export interface Upload {
  /** Form fields sent before the file (multipart), or nothing for a raw body. */
  fields: Record<string, string>;
  fileName?: string;
  file: AsyncIterable<Uint8Array>;
}

const FILE_TYPES =
  /^(text\/(csv|plain|tab-separated-values)|application\/(csv|octet-stream|vnd\.ms-excel))\b/i;

/**
 * The file of an upload request, as a stream: either the raw body (`Content-Type: text/csv`) or
 * the first file part of `multipart/form-data` (form fields must come before it, as browsers and
 * `curl -F` send them in order). Nothing is buffered beyond what the consumer is reading.
 */
export async function readUpload(req: Request): Promise<Upload> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!req.body) throw new AppError("bad_request", "The request has no body: send the CSV file.");
  if (FILE_TYPES.test(contentType))
    return { fields: {}, file: readable(Readable.fromWeb(req.body as NodeWebStream<Uint8Array>)) };
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new AppError(
      "unsupported_media_type",
      `Send the file as text/csv or multipart/form-data, not ${contentType ? `"${contentType}"` : "without a Content-Type"}.`,
    );
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fields: 20, fieldSize: 256 * 1024 },
    });
  } catch (error) {
    throw new AppError("bad_request", `Malformed multipart request: ${(error as Error).message}`);
  }
  const fields: Record<string, string> = {};
  const found = new Promise<Upload>((resolve, reject) => {
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_name, stream, info) =>
      resolve({ fields, fileName: info.filename, file: readable(stream) }),
    );
    parser.on("error", (error) =>
      reject(
        new AppError("bad_request", `Malformed multipart request: ${(error as Error).message}`),
      ),
    );
    parser.on("close", () =>
      reject(new AppError("bad_request", 'The form has no file: send it in a "file" field.')),
    );
  });
  // pipe() doesn't forward errors: a body that fails must fail the parser (and so the file).
  Readable.fromWeb(req.body as NodeWebStream<Uint8Array>)
    .on("error", (error) => parser.destroy(error))
    .pipe(parser);
  return found;
}

/**
 * A body cut off mid-way (or a multipart body that never closes) is the client's fault: a 400.
 * The stream's error is caught from the start: busboy can fail it before anyone reads it, and an
 * error event with no listener would crash the process.
 */
function readable(stream: Readable): AsyncIterable<Uint8Array> {
  let failure: Error | undefined;
  stream.on("error", (error) => {
    failure = error;
  });
  const cutOff = (error: Error) =>
    error instanceof AppError
      ? error
      : new AppError("bad_request", `The upload was cut off: ${error.message}`);
  return (async function* () {
    try {
      yield* stream as AsyncIterable<Uint8Array>;
    } catch (error) {
      throw cutOff(error as Error);
    }
    if (failure) throw cutOff(failure);
  })();
}
