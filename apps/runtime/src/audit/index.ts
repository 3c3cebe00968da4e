/** Audit log of admin actions: recorded by middleware, read by admins. */
export { auditAdminActions } from './middleware';
export { auditRoutes } from './routes';
