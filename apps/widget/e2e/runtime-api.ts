/** The runtime's own HTTP APIs, used by the tests the way the dashboard and inbox use them. */
const XHR = { 'x-requested-with': 'fetch' } as const;

export interface Session {
  headers: Record<string, string>;
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...XHR },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { headers: { cookie, ...XHR } };
}

export async function api<T>(
  baseUrl: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Demo logins as `start` prints them: lines with an email and a password. */
export function demoCredentials(output: string): { admin: Credentials; agent: Credentials } {
  const find = (role: string): Credentials => {
    const line = output.split('\n').find((l) => l.toLowerCase().includes(role) && l.includes('@'));
    const email = line?.match(/[\w.+-]+@[\w.-]+\.\w+/)?.[0];
    const password = line?.match(/(?:password|\/)\s*:?\s*(\S+)\s*$/i)?.[1];
    if (!email || !password) throw new Error(`no ${role} login in runtime output:\n${output}`);
    return { email, password };
  };
  return { admin: find('admin'), agent: find('agent') };
}

export interface Credentials {
  email: string;
  password: string;
}
