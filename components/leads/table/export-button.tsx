import { secondaryLinkClass } from "./link-button";

/**
 * Downloads the CSV of every lead matching the current filters. A plain link: the browser
 * streams the file itself with the session cookie, however many leads there are.
 */
export function ExportButton({ href }: { href: string }) {
  return (
    <a href={href} download className={secondaryLinkClass}>
      Export CSV
    </a>
  );
}
