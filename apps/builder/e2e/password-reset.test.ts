import { PASSWORD_RESET_SENT } from '@flowdesk/contract';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emailDb } from '../../runtime/src/email/tables';
import { createUser } from '../../runtime/src/people/users';
import { login, SCREENSHOTS } from './support/browser';
import { type PeopleE2e, startPeopleE2e } from './support/people';

let e2e: PeopleE2e;
const PAT = { email: 'pat@example.com', password: 'pat-first-pass', name: 'Pat Agent' };

beforeAll(async () => {
  e2e = await startPeopleE2e();
  const { harness } = e2e;
  await createUser(harness.runtime.db, { workspaceId: harness.seeded.workspaceId, ...PAT, role: 'agent' });
});
afterAll(async () => e2e?.close());

const signedIn = (page: import('playwright-core').Page) => page.getByRole('heading', { name: 'Conversations' });

test('"Forgot password?": the emailed link sets a new password, signs in, and signs out every other device', async () => {
  const { harness } = e2e;
  // Pat is signed in on another device.
  const laptop = await e2e.newPage();
  await login(laptop.page, harness.appUrl, PAT.email, PAT.password);
  await signedIn(laptop.page).waitFor();

  const phone = await e2e.newPage();
  await phone.page.goto(harness.appUrl);
  await phone.page.getByRole('link', { name: 'Forgot password?' }).click();
  await phone.page.getByRole('heading', { name: 'Reset your password' }).waitFor();
  await phone.page.getByLabel('Email').fill(PAT.email);
  await phone.page.getByRole('button', { name: 'Send reset link' }).click();
  await phone.page.getByRole('status').getByText(PASSWORD_RESET_SENT).waitFor();
  await phone.page.screenshot({ path: `${SCREENSHOTS}/password-reset-sent.png` });

  const mail = await e2e.email(PAT.email, 1);
  expect(mail.subject).toBe('Choose a new Flowdesk password');
  await phone.page.goto(e2e.link(mail, 'reset-password'));
  await phone.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await phone.page.getByText(`Choose a new password for ${PAT.email}.`, { exact: false }).waitFor();
  await phone.page.getByLabel('New password', { exact: true }).fill('short');
  await phone.page.getByLabel('Repeat the password').fill('short');
  await phone.page.getByRole('button', { name: 'Save password and sign in' }).click();
  await phone.page.getByRole('alert').getByText('Use at least 8 characters.').waitFor();
  await phone.page.getByLabel('New password', { exact: true }).fill('pat-second-pass');
  await phone.page.getByLabel('Repeat the password').fill('pat-second-pass');
  await phone.page.screenshot({ path: `${SCREENSHOTS}/password-reset-form.png` });
  await phone.page.getByRole('button', { name: 'Save password and sign in' }).click();
  await signedIn(phone.page).waitFor();

  // The other device is signed out; the old password no longer works, the new one does.
  await laptop.page.reload();
  await laptop.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await login(laptop.page, harness.appUrl, PAT.email, PAT.password);
  await laptop.page.getByRole('alert').getByText('Wrong email or password').waitFor();
  await login(laptop.page, harness.appUrl, PAT.email, 'pat-second-pass');
  await signedIn(laptop.page).waitFor();

  // The link worked once.
  const later = await e2e.newPage();
  await later.page.goto(e2e.link(mail, 'reset-password'));
  await later.page.getByText('This link was already used. Sign in, or ask for a new one.').waitFor();
  await later.page.getByRole('link', { name: 'Send a new reset link' }).waitFor();
  await later.page.screenshot({ path: `${SCREENSHOTS}/password-reset-used.png` });

  // An unknown address gets the same words and no email.
  await later.page.getByRole('link', { name: 'Send a new reset link' }).click();
  await later.page.getByLabel('Email').fill('nobody@example.com');
  await later.page.getByRole('button', { name: 'Send reset link' }).click();
  await later.page.getByRole('status').getByText(PASSWORD_RESET_SENT).waitFor();
  // The request is answered at once and the email queued in the background: once that is done, none is queued.
  await harness.runtime.services.background.idle();
  const queued = emailDb(harness.runtime.db).selectFrom('email_outbox').select('id');
  expect(await queued.where('to_address', '=', 'nobody@example.com').execute()).toEqual([]);
  expect(await queued.where('to_address', '=', PAT.email).execute()).toHaveLength(1); // where one would be
  expect(e2e.fake.delivered.filter((e) => [e.payload.to].flat().includes('nobody@example.com'))).toEqual([]);
  expect(phone.errors).toEqual([]);
});

test('Your profile → Change password: the current one is required; other devices are signed out', async () => {
  const { harness } = e2e;
  const other = await e2e.newPage();
  await login(other.page, harness.appUrl, PAT.email, 'pat-second-pass');
  await signedIn(other.page).waitFor();
  const here = await e2e.newPage();
  await login(here.page, harness.appUrl, PAT.email, 'pat-second-pass');
  await signedIn(here.page).waitFor();
  await here.page.goto(`${harness.appUrl}settings/profile`);
  const form = here.page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel('New password', { exact: true }).fill('pat-third-pass');
  await form.getByLabel('Repeat the new password').fill('pat-third-pass');
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByRole('alert').getByText('Your current password is not right').waitFor();
  await form.getByLabel('Current password').fill('pat-second-pass');
  await form.getByRole('button', { name: 'Change password' }).click();
  await here.page.getByText(/Password changed\. (One other device was|\d+ other devices were) signed out\./).waitFor();
  await here.page.screenshot({ path: `${SCREENSHOTS}/password-changed.png` });
  // This device stays signed in; the other one is signed out.
  await here.page.reload();
  await form.waitFor();
  await other.page.reload();
  await other.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await login(other.page, harness.appUrl, PAT.email, 'pat-third-pass');
  await signedIn(other.page).waitFor();
});
