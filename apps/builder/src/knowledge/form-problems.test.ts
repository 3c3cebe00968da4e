import { CreateKnowledgeSourceRequest } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { problemsFromError, problemsFromIssues, readableMessage } from './form-problems';

const issuesOf = (value: unknown) => {
  const result = CreateKnowledgeSourceRequest.safeParse(value);
  if (result.success) throw new Error('expected issues');
  return result.error.issues;
};

describe('form problems', () => {
  it('puts the contract schema issues beside the fields, first issue of a field first, in plain words', () => {
    const issues = issuesOf({ kind: 'web', title: ' ', url: 'nope', maxPages: Number.NaN, maxDepth: 9 });
    const problems = problemsFromIssues(issues, ['title', 'url', 'maxPages', 'maxDepth']);
    expect(problems).toEqual({
      fields: {
        title: 'Give the source a title',
        url: 'Not a valid URL',
        maxPages: 'Enter a whole number',
        maxDepth: 'At most 5',
      },
      form: [],
    });
  });

  it('lists issues of fields the form does not show in the form list, named by their label', () => {
    const issues = issuesOf({ kind: 'qa', title: 'FAQ', pairs: [{ question: '', answer: 'Yes' }] });
    expect(problemsFromIssues(issues, ['title'], { 'pairs.0.question': 'Question 1' })).toEqual({
      fields: {},
      form: ['Question 1: Fill this in'],
    });
    expect(problemsFromIssues(issuesOf({ kind: 'qa', title: 'FAQ', pairs: [] }), ['pairs'])).toEqual({
      fields: { pairs: 'Add at least one question and answer' },
      form: [],
    });
  });

  it("reads the server's 400 details beside the fields, and shows any other failure's message", () => {
    const invalid = new ApiError(400, 'invalid_request', 'Invalid request', [
      { path: 'url', code: 'custom', message: 'Only http and https URLs can be indexed' },
      { path: 'mode', code: 'invalid_value', message: 'Invalid option' },
    ]);
    expect(problemsFromError(invalid, ['url'], { mode: 'Read' })).toEqual({
      fields: { url: 'Only http and https URLs can be indexed' },
      form: ['Read: Invalid option'],
    });
    const tooLarge = new ApiError(413, 'payload_too_large', 'The file is larger than 10 MB', null);
    expect(problemsFromError(tooLarge, ['file'])).toEqual({ fields: {}, form: ['The file is larger than 10 MB'] });
    expect(problemsFromError(new Error('Cannot reach the server'), [])).toEqual({
      fields: {},
      form: ['Cannot reach the server'],
    });
  });

  it('keeps messages it has no better words for', () => {
    expect(readableMessage({ path: [], message: 'Upload a PDF, DOCX, Markdown, HTML or TXT file' })).toBe(
      'Upload a PDF, DOCX, Markdown, HTML or TXT file',
    );
    expect(readableMessage({ path: [], message: 'Too small: expected number to be >=1' })).toBe('At least 1');
  });
});
