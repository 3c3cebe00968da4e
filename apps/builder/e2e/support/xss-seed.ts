import { api, type Session } from '../../../widget/e2e/runtime-api';
import { labelled, payload, scriptLiteral, XSS_PAYLOADS } from './xss-corpus';
import { HOST_VARIABLE, xssFlow } from './xss-flow';

export const BOT_ID = 'demo-bot'; // the demo seed's bot
const DEMO_FLOW_ID = 'demo-support-flow'; // and its live flow
export const VISITOR = { name: labelled('Vera', 2, 200), email: "o'neil+xss@example.com" };
export const EVE = { name: labelled('Eve', 3), email: 'eve@example.com', password: 'eve-password-42', role: 'admin' };
export const TEAMS = [labelled('Team', 4), labelled('Team', 7), labelled('Team', 20)];
/** The demo bot is renamed, and its header subtitle and "resolved" line rewritten, with payloads. */
export const BOT = { name: labelled('Bot', 12, 200), subtitle: payload(21), resolved: payload(16) };
/** Canned response n: shortcut `xss<n>`, this title, payload n as its text. */
export const cannedTitle = (n: number) => labelled('Canned', n, 120);

/**
 * Through the admin API: a teammate (an admin, so she may see and be @mentioned on every conversation), three
 * teams named with payloads, a canned response per payload,
 * transcripts on resolve, the bot's name and widget texts, and the payload flow published as its live flow.
 */
export async function seedHostileWorkspace(url: string, admin: Session): Promise<{ eveId: string; flowId: string }> {
  await api(url, admin, 'PATCH', `/api/admin/bots/${BOT_ID}`, {
    name: BOT.name,
    // An empty title makes the widget header show the bot's name.
    settings: { strings: { title: '', subtitle: BOT.subtitle, resolved: BOT.resolved } },
  });
  const eve = await api<{ user: { id: string } }>(url, admin, 'POST', '/api/admin/users', EVE);
  for (const name of TEAMS) await api(url, admin, 'POST', '/api/admin/teams', { name, memberIds: [eve.user.id] });
  for (const [i, text] of XSS_PAYLOADS.entries()) {
    const body = { shortcut: `xss${i + 1}`, title: cannedTitle(i + 1), text };
    await api(url, admin, 'POST', '/api/inbox/canned-responses', body);
  }
  await api(url, admin, 'PUT', '/api/email/settings', { transcriptOnResolve: true });
  const created = await api<{ flow: { id: string } }>(url, admin, 'POST', '/api/admin/flows', {
    botId: BOT_ID,
    name: labelled('Flow', 1, 200),
    draft: xssFlow(),
  });
  // The demo bot runs the demo flow: replacing it is confirmed by naming it.
  await api(url, admin, 'POST', `/api/admin/flows/${created.flow.id}/publish`, {
    note: payload(14),
    makeLive: true,
    replacesFlowId: DEMO_FLOW_ID,
  });
  return { eveId: eve.user.id, flowId: created.flow.id };
}

/** The name of the n-th variable the host page sets (the API takes names of up to 100 characters). */
export const hostVariableName = (n: number, text: string) => `${n} ${text}`.slice(0, 100);

/** The host page's SDK calls before the loader: hostile visitor details, variable names and values. */
export function hostileSdkCalls(): string {
  const variables = Object.fromEntries([
    [HOST_VARIABLE, payload(13)],
    ...XSS_PAYLOADS.map((text, i) => [hostVariableName(i + 1, text), text]),
  ]);
  return `window.Flowdesk.identify(${scriptLiteral(VISITOR)});
window.Flowdesk.setVariables(${scriptLiteral(variables)});`;
}
