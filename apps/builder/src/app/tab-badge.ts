/**
 * The browser tab shows how many conversations wait unread: "(3) Conversations · Flowdesk", and the favicon
 * gets a red dot. The page sets the base title, the inbox the count; either change rewrites both.
 */
let base = 'Flowdesk';
let unread = 0;
let plainIcon: string | null = null;

const DOT_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%234f46e5'/%3E%3Ctext x='14' y='23' font-size='20' text-anchor='middle' fill='white' font-family='sans-serif'%3EF%3C/text%3E%3Ccircle cx='25' cy='7' r='7' fill='%23dc2626' stroke='white' stroke-width='2'/%3E%3C/svg%3E";

/** "(3) Conversations · Flowdesk" (99+ past 99). */
export function titleWithUnread(title: string, count: number): string {
  if (count <= 0) return title;
  return `(${count > 99 ? '99+' : count}) ${title}`;
}

function render() {
  document.title = titleWithUnread(base, unread);
  const link = document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  if (!link) return;
  if (plainIcon === null) plainIcon = link.href;
  const wanted = unread > 0 ? DOT_ICON : plainIcon;
  if (link.href !== wanted) link.href = wanted;
  link.dataset.unread = unread > 0 ? 'true' : 'false';
}

export function setTabTitle(title: string) {
  base = title;
  render();
}

export function setTabUnread(count: number) {
  if (count === unread) return;
  unread = count;
  render();
}
