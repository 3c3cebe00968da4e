/**
 * Child process for the crash test: one worker pass against DATABASE_URL and the fake Resend at
 * RESEND_BASE_URL. The test kills it with SIGKILL while the send is in flight.
 */
import { createDatabase } from '../../src/db/database';
import { createResendSender } from '../../src/email/senders/resend';
import { createEmailWorker } from '../../src/email/worker';
import { FROM } from './outbox-helpers';

const database = createDatabase({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: 'memory://' });
const sender = createResendSender({
  apiKey: 're_child_key',
  baseUrl: process.env.RESEND_BASE_URL,
  timeoutMs: 120_000,
});
const worker = createEmailWorker({ db: database.db, sender, from: FROM, leaseMs: 60_000 });
process.stdout.write('ready\n');
await worker.runOnce();
process.stdout.write('finished\n');
await database.close();
