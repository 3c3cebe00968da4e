export { type App, createApp } from './app';
export { type Config, ConfigError, loadConfig, testConfig } from './config';
export { createDatabase, type DatabaseHandle, type DatabaseKind } from './db/database';
export { migrateToLatest } from './db/migrate';
export type { Database } from './db/schema';
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from './errors';
export { type AppEnv, createRouter } from './http/env';
export { ApiError, badRequest, conflict, forbidden, notFound, unauthorized } from './http/errors';
export { type RunningServer, type StartServerOptions, startServer } from './server';
export { createServices, type Services } from './services';
