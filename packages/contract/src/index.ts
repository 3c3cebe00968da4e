export * from './conversation';
export * from './message-content';
export * from './public-api';
export * from './realtime';
export * from './theme';
export * from './email-continuity';
