import fs from "node:fs/promises";
import path from "node:path";

/**
 * The browsable API reference is Swagger UI served from the installed swagger-ui-dist package —
 * no CDN, so it works offline and sends nothing anywhere.
 */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: true,
    withCredentials: true,
  });
});
`;

export function docsPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Leadline API reference</title>
  <link rel="icon" href="/api/v1/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
  <style>body{margin:0} .topbar{display:none}</style>
</head>
<body>
  <main id="swagger-ui" aria-label="Leadline API reference"></main>
  <script src="/api/v1/docs/swagger-ui-bundle.js"></script>
  <script src="/api/v1/docs/init.js"></script>
</body>
</html>`;
}

export const DOCS_ASSET_NAMES = [...Object.keys(ASSETS), "init.js"] as const;

export async function readDocsAsset(
  name: string,
): Promise<{ body: BodyInit; type: string } | null> {
  if (name === "init.js") return { body: INIT_SCRIPT, type: "text/javascript; charset=utf-8" };
  const type = ASSETS[name];
  if (!type) return null;
  const file = path.join(process.cwd(), "node_modules", "swagger-ui-dist", name);
  return { body: new Uint8Array(await fs.readFile(file)), type };
}
