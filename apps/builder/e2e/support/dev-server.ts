/** Manual check: `npx tsx e2e/support/dev-server.ts` prints a dashboard URL backed by a fresh runtime. */
import { startHarness } from './harness';

const harness = await startHarness();
console.log(`dashboard: ${harness.appUrl}`);
console.log(`login: ${harness.seeded.admin.email} / ${harness.seeded.admin.password}`);
process.on('SIGINT', () => void harness.close().then(() => process.exit(0)));
