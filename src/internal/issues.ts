/** Turns zod issues (zod or zod/mini) into one short sentence naming the field at fault. */

/** The parts of a zod issue we read; loose so issues of both zod builds fit. */
export interface LooseIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
}

/** `a.b` for a path, `fallback` for the root. */
export function issuePath(issue: LooseIssue, fallback = 'body'): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : fallback;
}

/** What is wrong, without the value (so a secret never appears in the text). */
export function issueReason(issue: LooseIssue): string {
  if (issue.message !== '' && issue.message !== 'Invalid input') return issue.message;
  if (issue.code === 'invalid_type') return `expected ${String(issue.expected)}`;
  if (issue.code === 'too_small') return `must have at least ${String(issue.minimum)} characters`;
  if (issue.code === 'too_big') return `must have at most ${String(issue.maximum)} characters`;
  return 'is invalid';
}

/** `path: reason` for one issue. */
export function explainIssue(issue: LooseIssue, fallback = 'body'): string {
  return `${issuePath(issue, fallback)}: ${issueReason(issue)}`;
}

/** Up to `limit` issues as `path: reason; path: reason`. */
export function explainIssues(issues: readonly LooseIssue[], limit = 3, fallback = 'body'): string {
  return issues
    .slice(0, limit)
    .map((issue) => explainIssue(issue, fallback))
    .join('; ');
}
