/** `"Name" <address>` with the name quoted, so commas or quotes in it can't split the header. */
export function fromHeader(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, " ").trim();
  if (!clean) return address;
  return `"${clean.replace(/["\\]/g, "\\$&")}" <${address}>`;
}
