export * from './conversation';
export * from './email-continuity';
export * from './follow-up';
export * from './message-content';
export * from './public-api';
export * from './realtime';
export * from './theme';
