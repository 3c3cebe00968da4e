import { analyzeFlow, FlowDocument, type Problem } from '@flowdesk/flow-schema';

export interface PublishCheck {
  problems: Problem[];
  /** The parsed document (defaults applied) when it may be published; null when errors block it. */
  document: FlowDocument | null;
}

/** Validates a draft for publishing: every error blocks; warnings are reported but allowed. */
export function checkPublishable(draft: unknown): PublishCheck {
  const { problems } = analyzeFlow(draft);
  if (problems.some((problem) => problem.severity === 'error')) return { problems, document: null };
  const parsed = FlowDocument.safeParse(draft);
  if (!parsed.success) {
    const problem: Problem = {
      code: 'invalid_document',
      severity: 'error',
      message: 'This flow is not a complete flow document.',
      details: parsed.error.issues.slice(0, 20),
    };
    return { problems: [...problems, problem], document: null };
  }
  return { problems, document: parsed.data };
}
