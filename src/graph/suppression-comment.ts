/** `iac-check:ignore <rule-id>[,<rule-id>…] <reason>` in a comment, for every input kind. */

const IGNORE = /iac-check:ignore(?:\s+((?:[^\s,]+\s*,\s*)*[^\s,]+))?(?:\s+(.*?))?\s*$/;

export interface IgnoreComment {
  /** The rule ids, in the order written; empty when the comment names none. */
  ids: string[];
  /** The reason, trimmed; empty when none is given (such a suppression is not honoured). */
  reason: string;
}

/** The ids and reason of an ignore comment (`# …`, `// …` or the comment text alone); undefined if it is not one. */
export function parseIgnoreComment(text: string): IgnoreComment | undefined {
  const m = IGNORE.exec(text);
  if (!m) return undefined;
  const ids = (m[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return { ids, reason: (m[2] ?? '').trim() };
}
