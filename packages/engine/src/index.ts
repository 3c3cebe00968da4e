export { SCHEMA_VERSION } from '@flowdesk/flow-schema';
export * from './compile';
export * from './effects';
export * from './engine-input';
export { supportBotFlow } from './fixtures/support-bot';
export {
  DEFAULT_MESSAGE_BUDGET,
  DEFAULT_STEP_BUDGET,
  type EngineError,
  LOOP_STOPPED_LINE,
  STATES,
  TAGS,
  type VisitorContent,
} from './machine/types';
export { type PendingEffect, type PersistedSnapshot, pendingEffect, type StepStatus, snapshotStatus } from './snapshot';
export * from './step';
