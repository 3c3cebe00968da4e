import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/client';
import { publishRefusal } from './publish-refusal';

describe('publishRefusal', () => {
  test('names the first error the runtime found, not only how many', () => {
    const error = new ApiError(422, 'invalid_flow', 'The flow has 1 error to fix before publishing', [
      { code: 'handoff_without_offline_path', severity: 'warning', message: 'No offline path.' },
      { code: 'unknown_knowledge_source', severity: 'error', message: '"AI answer" reads a deleted source.' },
    ]);
    expect(publishRefusal(error)).toBe(
      'The flow has 1 error to fix before publishing: "AI answer" reads a deleted source.',
    );
  });

  test('other errors keep their own message', () => {
    expect(publishRefusal(new ApiError(500, 'internal', 'Something broke'))).toBe('Something broke');
    expect(publishRefusal(new ApiError(422, 'invalid_flow', 'The flow has errors', 'not a list'))).toBe(
      'The flow has errors',
    );
  });
});
