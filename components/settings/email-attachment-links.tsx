import { formatFileSize } from "@/lib/client/format";

export interface EmailAttachmentLink {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  downloadUrl: string;
}

/**
 * A message's files as download links. Plain links to the API: the browser sends the session
 * cookie and saves the file under the name the server gives it, without loading it into the page.
 */
export function EmailAttachmentLinks({
  files,
  label,
}: {
  files: EmailAttachmentLink[];
  label: string;
}) {
  if (!files.length) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-0.5">
      {files.map((f) => (
        <li key={f.id} className="flex items-baseline gap-1.5 text-sm">
          <a
            href={f.downloadUrl}
            download={f.filename}
            className="break-all text-brand-600 hover:underline dark:text-brand-500"
          >
            {f.filename}
          </a>
          <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
            {formatFileSize(f.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}
