import { ValidateFlowAnswer } from '@flowdesk/contract';
import { ApiError, errorMessage } from '../../api/client';

/**
 * What a refused publish says: the runtime's count, then its first error in words. The server checks what the
 * editor cannot (e.g. a knowledge source deleted since the block chose it), so its own words must reach the admin.
 */
export function publishRefusal(error: unknown): string {
  if (!(error instanceof ApiError) || error.code !== 'invalid_flow') return errorMessage(error);
  const problems = ValidateFlowAnswer.shape.problems.safeParse(error.details);
  const first = problems.success ? problems.data.find((problem) => problem.severity === 'error') : undefined;
  return first ? `${error.message}: ${first.message}` : error.message;
}
