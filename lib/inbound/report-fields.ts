/**
 * Reads the "Name: value" field blocks of RFC 3464 delivery-status and RFC 5965 feedback-report
 * parts. Blocks are separated by blank lines (per-message fields first, then one block per
 * recipient); folded continuation lines are joined to the field they continue.
 */
export function parseReportBlocks(content: string): Array<Record<string, string>> {
  const blocks: Array<Record<string, string>> = [];
  let block: Record<string, string> = {};
  let lastKey: string | null = null;
  for (const line of content.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      if (Object.keys(block).length > 0) blocks.push(block);
      block = {};
      lastKey = null;
      continue;
    }
    if (/^\s/.test(line) && lastKey) {
      block[lastKey] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins: later duplicates are usually a relay's copy of the same field.
    if (!(lastKey in block)) block[lastKey] = line.slice(colon + 1).trim();
  }
  if (Object.keys(block).length > 0) blocks.push(block);
  return blocks;
}

/** "rfc822; user@example.com" → "user@example.com". */
export function stripAddressType(value: string): string {
  const semicolon = value.indexOf(";");
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().replace(/^<|>$/g, "");
}
