import { DEFAULT_PRIMARY_COLOR } from '@flowdesk/contract/theme';

/** Black or white, whichever reads better on the given colour (WCAG relative luminance). */
export function textColorOn(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return '#fff';
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#111' : '#fff';
}

/** The product's one default colour, shared with the runtime and the dashboard. */
export const DEFAULT_PRIMARY = DEFAULT_PRIMARY_COLOR;

export function applyTheme(el: HTMLElement, primary: string): void {
  el.style.setProperty('--fd-primary', primary);
  el.style.setProperty('--fd-on-primary', textColorOn(primary));
}
