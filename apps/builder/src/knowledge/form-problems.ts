import { ApiError, errorMessage } from '../api/client';

/** What is wrong with a form: messages by field path (`url`, `pairs.0.question`) and messages for the whole form. */
export interface Problems {
  fields: Record<string, string>;
  form: string[];
}

export const NO_PROBLEMS: Problems = { fields: {}, form: [] };

export interface Issue {
  path: readonly PropertyKey[] | string;
  message: string;
  code?: string;
}

/** Zod's generic words for the common cases, in the words a person filling a form reads. */
export function readableMessage(issue: Issue): string {
  if (/expected string to have >=1 character/.test(issue.message)) return 'Fill this in';
  if (/expected number, received (NaN|string|undefined)/.test(issue.message)) return 'Enter a whole number';
  if (/expected int/.test(issue.message)) return 'Enter a whole number';
  const bound = issue.message.match(/^Too (small|big): expected number to be ([<>]=?)(\d+)/);
  if (bound) return bound[1] === 'small' ? `At least ${bound[3]}` : `At most ${bound[3]}`;
  const length = issue.message.match(/^Too big: expected string to have <=(\d+) characters/);
  if (length) return `At most ${length[1]} characters`;
  return issue.message;
}

const pathOf = (path: Issue['path']) => (typeof path === 'string' ? path : path.map(String).join('.'));

/**
 * Issues shown beside the fields the form has (`fields` lists their paths); the rest, named by `labels` where
 * known, go in the form's own list. The first issue of a field wins.
 */
export function problemsFromIssues(issues: Issue[], fields: readonly string[], labels: Record<string, string> = {}) {
  const problems: Problems = { fields: {}, form: [] };
  for (const issue of issues) {
    const path = pathOf(issue.path);
    const message = readableMessage(issue);
    if (fields.includes(path)) problems.fields[path] ??= message;
    else problems.form.push(path ? `${labels[path] ?? path}: ${message}` : message);
  }
  return problems;
}

/** Zod issues as the server sends them in a 400's details (`[{ path, code, message }]`). */
function detailIssues(details: unknown): Issue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is Issue =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as Issue).message === 'string' &&
      (typeof (d as Issue).path === 'string' || Array.isArray((d as Issue).path)),
  );
}

/** A failed request as form problems: the server's field issues beside their fields, else its message. */
export function problemsFromError(error: unknown, fields: readonly string[], labels: Record<string, string> = {}) {
  const issues = error instanceof ApiError ? detailIssues(error.details) : [];
  if (issues.length === 0) return { fields: {}, form: [errorMessage(error)] };
  return problemsFromIssues(issues, fields, labels);
}

export const hasProblems = (problems: Problems) => problems.form.length > 0 || Object.keys(problems.fields).length > 0;
