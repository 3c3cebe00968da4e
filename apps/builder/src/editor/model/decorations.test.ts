import type { Problem } from '@flowdesk/flow-schema';
import { expect, test } from 'vitest';
import { buildDecorations } from './decorations';

const problem = (severity: Problem['severity'], blockId: string | undefined, message: string): Problem => ({
  code: 'unconnected_output',
  severity,
  blockId,
  message,
});

test('counts errors and warnings per block; an error message wins the tooltip', () => {
  const map = buildDecorations(
    [
      problem('warning', 'a', 'warn a'),
      problem('error', 'a', 'error a'),
      problem('error', 'b', 'error b'),
      problem('error', undefined, 'flow'),
    ],
    null,
  );
  expect(map.get('a')).toEqual({ errors: 1, warnings: 1, active: false, firstProblem: 'error a' });
  expect(map.get('b')).toMatchObject({ errors: 1, warnings: 0 });
  expect(map.size).toBe(2);
});

test('marks the preview block active', () => {
  expect(buildDecorations([], 'x').get('x')).toEqual({ errors: 0, warnings: 0, active: true });
});
