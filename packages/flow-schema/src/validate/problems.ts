/** Stable problem codes; the builder highlights blocks by them and the API returns them. */
export const PROBLEM_CODES = {
  invalidDocument: 'invalid_document',
  unknownBlockType: 'unknown_block_type',
  invalidSettings: 'invalid_settings',
  duplicateBlockId: 'duplicate_block_id',
  duplicateEdgeId: 'duplicate_edge_id',
  edgeFromMissingBlock: 'edge_from_missing_block',
  edgeToMissingBlock: 'edge_to_missing_block',
  unknownOutput: 'unknown_output',
  outputConnectedTwice: 'output_connected_twice',
  unconnectedOutput: 'unconnected_output',
  unreachableBlock: 'unreachable_block',
  noStart: 'no_start',
  multipleStarts: 'multiple_starts',
  deadEndCapture: 'dead_end_capture',
  handoffWithoutOfflinePath: 'handoff_without_offline_path',
  variableNeverSet: 'variable_never_set',
  duplicateIntentName: 'duplicate_intent_name',
  duplicateIntentId: 'duplicate_intent_id',
  loopWithoutInput: 'loop_without_input',
  unknownIntent: 'unknown_intent',
  invalidRegex: 'invalid_regex',
  invalidUrl: 'invalid_url',
  urlWithoutScheme: 'url_without_scheme',
  captureVariableReused: 'capture_variable_reused',
  handoffExitUnconnected: 'handoff_exit_unconnected',
  aiAnswerAfterButtons: 'ai_answer_after_buttons',
  unknownKnowledgeSource: 'unknown_knowledge_source',
  emptyKnowledgeSource: 'empty_knowledge_source',
} as const;
export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Plain words for a non-technical admin, naming the block by its label. */
  message: string;
  blockId?: string;
  edgeId?: string;
  details?: unknown;
}

/** Problems that make a flow impossible to run; the engine refuses to compile with any of these. */
export const BLOCKING_CODES: ReadonlySet<ProblemCode> = new Set([
  PROBLEM_CODES.invalidDocument,
  PROBLEM_CODES.unknownBlockType,
  PROBLEM_CODES.invalidSettings,
  PROBLEM_CODES.duplicateBlockId,
  PROBLEM_CODES.noStart,
  PROBLEM_CODES.multipleStarts,
]);

export const error = (code: ProblemCode, message: string, where: Partial<Problem> = {}): Problem => ({
  code,
  severity: 'error',
  message,
  ...where,
});
export const warning = (code: ProblemCode, message: string, where: Partial<Problem> = {}): Problem => ({
  code,
  severity: 'warning',
  message,
  ...where,
});
