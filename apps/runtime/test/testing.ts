// What other packages' tests use from the runtime's test support (`@flowdesk/runtime/testing`).
export { createTestDatabase, type TestDatabase } from './db';
