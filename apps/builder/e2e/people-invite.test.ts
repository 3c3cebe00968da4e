import { afterAll, beforeAll, expect, test } from 'vitest';
import { peopleDb } from '../../runtime/src/people/tables';
import { login, SCREENSHOTS, signInAsAdmin } from './support/browser';
import { type PeopleE2e, startPeopleE2e } from './support/people';

let e2e: PeopleE2e;

beforeAll(async () => {
  e2e = await startPeopleE2e();
});
afterAll(async () => e2e?.close());

/** A new page with the seeded admin signed in, on Settings → Teams & people. */
async function adminOnTeamsPage() {
  const admin = await e2e.newPage();
  await signInAsAdmin(admin.page, e2e.harness);
  await admin.page.goto(`${e2e.harness.appUrl}settings/teams`);
  return admin;
}

test('an admin invites by email; the invitee follows the emailed link, chooses a password and is signed in', async () => {
  const { harness } = e2e;
  const admin = await adminOnTeamsPage();
  // A team to invite into.
  const people = admin.page.getByRole('region', { name: 'People' });
  await people.waitFor();
  await admin.page.evaluate(() =>
    fetch('/api/admin/teams', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'e2e' },
      body: JSON.stringify({ name: 'Billing' }),
    }),
  );
  await admin.page.reload();
  const form = admin.page.getByRole('form', { name: 'Invite a person' });
  await form.getByLabel('Name').fill('Nia Newcomer');
  await form.getByLabel('Email').fill('nia@example.com');
  await form.getByLabel('Billing').check();
  await form.getByRole('button', { name: 'Send invite' }).click();
  await admin.page.getByText('Invite sent to nia@example.com.').waitFor();
  const invited = people
    .getByRole('list', { name: 'Invited' })
    .getByRole('listitem')
    .filter({ hasText: 'Nia Newcomer' });
  await invited.getByText('Invited', { exact: true }).waitFor();
  await admin.page.screenshot({ path: `${SCREENSHOTS}/people-invited.png` });

  // The email, as Resend received it, and its link.
  const mail = await e2e.email('nia@example.com', 1);
  expect(mail.subject).toBe('Ada Admin invited you to Acme on Flowdesk');
  const link = e2e.link(mail, 'accept-invite');

  const invitee = await e2e.newPage();
  await invitee.page.goto(link);
  await invitee.page.getByRole('heading', { name: 'Join your team' }).waitFor();
  await invitee.page.getByText('Welcome, Nia Newcomer.').waitFor();
  await expect(invitee.page.getByLabel('Email').inputValue()).resolves.toBe('nia@example.com');
  await invitee.page.getByLabel('New password').fill('nia-secret-77');
  await invitee.page.getByLabel('Repeat the password').fill('nia-secret-78');
  await invitee.page.getByRole('button', { name: 'Set password and sign in' }).click();
  await invitee.page.getByRole('alert').getByText('The two passwords are not the same.').waitFor();
  await invitee.page.screenshot({ path: `${SCREENSHOTS}/people-accept-invite.png` });
  await invitee.page.getByLabel('Repeat the password').fill('nia-secret-77');
  await invitee.page.getByRole('button', { name: 'Set password and sign in' }).click();
  // Signed in as an agent: the inbox.
  await invitee.page.getByRole('heading', { name: 'Conversations' }).waitFor();
  const me = await invitee.page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.user).toMatchObject({ email: 'nia@example.com', name: 'Nia Newcomer', role: 'agent' });
  await invitee.page.screenshot({ path: `${SCREENSHOTS}/people-invitee-signed-in.png` });

  // The admin sees a person now, in the team, and no invite.
  await admin.page.reload();
  await people.getByText('nia@example.com').waitFor();
  await expect.poll(() => people.getByRole('list', { name: 'Invited' }).count()).toBe(0);

  // The link worked once.
  const again = await e2e.newPage();
  await again.page.goto(link);
  await again.page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
  await again.page.getByText('This link was already used. Sign in, or ask for a new one.').waitFor();
  await again.page.screenshot({ path: `${SCREENSHOTS}/people-invite-used.png` });
  // A changed link is refused; signing in with the chosen password works.
  await again.page.goto(`${link.slice(0, -2)}${link.at(-2) === 'A' ? 'B' : 'A'}${link.at(-1)}`);
  await again.page.getByText(/This link is not valid/).waitFor();
  await login(again.page, harness.appUrl, 'nia@example.com', 'nia-secret-77');
  await again.page.getByRole('heading', { name: 'Conversations' }).waitFor();
  expect([...admin.errors, ...invitee.errors]).toEqual([]);
});

test('resend sends a new link (the old one stops working); withdraw ends the invite', async () => {
  const { harness } = e2e;
  const admin = await adminOnTeamsPage();
  const form = admin.page.getByRole('form', { name: 'Invite a person' });
  await form.getByLabel('Name').fill('Omar Late');
  await form.getByLabel('Email').fill('omar@example.com');
  await form.getByLabel('Role').selectOption('admin');
  await form.getByRole('button', { name: 'Send invite' }).click();
  const first = e2e.link(await e2e.email('omar@example.com', 1), 'accept-invite');

  await admin.page.getByRole('button', { name: 'Resend the invite to Omar Late' }).click();
  await admin.page.getByText('A new invite is on its way to omar@example.com.').waitFor();
  const second = e2e.link(await e2e.email('omar@example.com', 2), 'accept-invite');
  expect(second).not.toBe(first);
  const visitor = await e2e.newPage();
  await visitor.page.goto(first);
  await visitor.page.getByText(/a newer one was sent, or the invitation was withdrawn/).waitFor();

  // Three days later the link has run out: the admin sees it, the page says so.
  const past = new Date(Date.now() - 1000);
  const people = peopleDb(harness.runtime.db);
  await people.updateTable('user_invites').set({ expires_at: past }).where('email', '=', 'omar@example.com').execute();
  await people.updateTable('password_links').set({ expires_at: past }).where('used_at', 'is', null).execute();
  await visitor.page.goto(second);
  await visitor.page.getByText('This link has expired. Ask for a new one.').waitFor();
  await admin.page.reload();
  await admin.page.getByRole('list', { name: 'Invited' }).getByText('Invite expired').waitFor();
  await admin.page.screenshot({ path: `${SCREENSHOTS}/people-invite-expired.png` });

  await admin.page.getByRole('button', { name: 'Withdraw the invite to Omar Late' }).click();
  await admin.page.getByText('The invite to omar@example.com was withdrawn.').waitFor();
  await expect.poll(() => admin.page.getByRole('list', { name: 'Invited' }).count()).toBe(0);
  await visitor.page.goto(second);
  await visitor.page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
  await visitor.page.getByText(/the invitation was withdrawn/).waitFor();
  await visitor.page.screenshot({ path: `${SCREENSHOTS}/people-invite-withdrawn.png` });
  expect(admin.errors).toEqual([]);
});

test('removing a person is asked first: Cancel keeps them; Remove signs them out and takes them off the list', async () => {
  const admin = await adminOnTeamsPage();
  await admin.page.getByRole('region', { name: 'People' }).waitFor();
  const created = await admin.page.evaluate(() =>
    fetch('/api/admin/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'e2e' },
      body: JSON.stringify({ email: 'rita@example.com', name: 'Rita Removable', password: 'rita-secret-42' }),
    }).then((r) => r.status),
  );
  expect(created).toBe(201);
  await admin.page.reload();
  const people = admin.page.getByRole('region', { name: 'People' });
  await people.getByText('rita@example.com').waitFor();
  const emails = () =>
    admin.page.evaluate(() =>
      fetch('/api/admin/users')
        .then((r) => r.json())
        .then((a: { users: Array<{ email: string }> }) => a.users.map((u) => u.email)),
    );

  // One click on the bin only asks; Cancel keeps Rita.
  await people.getByRole('button', { name: 'Remove Rita Removable' }).click();
  const dialog = admin.page.getByRole('dialog', { name: 'Remove Rita Removable?' });
  await dialog.getByText(/signed out at once/).waitFor();
  await dialog.getByText(/Conversations assigned to them become unassigned/).waitFor();
  await admin.page.screenshot({ path: `${SCREENSHOTS}/people-remove-confirm.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await emails()).toContain('rita@example.com');

  await people.getByRole('button', { name: 'Remove Rita Removable' }).click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await admin.page.getByText('Rita Removable was removed.').waitFor();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => people.getByText('rita@example.com').count()).toBe(0);
  expect(await emails()).not.toContain('rita@example.com');
  expect(admin.errors).toEqual([]);
});
