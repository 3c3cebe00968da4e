import type { CsatScale } from '@flowdesk/contract';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { CSAT_PAGE_PATH } from './link';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111827}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #d1d5db;border-radius:6px}
button{background:#111827;color:#fff;border:0;border-radius:6px;padding:.6rem 1rem;font-size:1rem;cursor:pointer}
.score{font-size:1.6rem;letter-spacing:.1rem;color:#b45309}`;

/** A small standalone page of the rating links (user text escaped by hono's html tag). */
export function csatPage(c: Context, status: 200 | 400 | 409, title: string, text: string, extra = html``) {
  return c.html(
    html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><style>${STYLE}</style></head><body><h1>${title}</h1><p>${text}</p>${extra}</body></html>`,
    status,
  );
}

export const invalidLinkPage = (c: Context) =>
  csatPage(c, 400, 'This link is not valid', 'The rating link is broken, was changed or has expired.');

const scoreWords = (scale: CsatScale, score: number) =>
  scale === 'thumbs'
    ? score >= 4
      ? '👍 Good'
      : '👎 Bad'
    : `${'★'.repeat(score)}${'☆'.repeat(5 - score)} (${score} out of 5)`;

/** The chosen score and an optional comment; the button records both. */
export function ratingForm(c: Context, token: string, scale: CsatScale, score: number) {
  return csatPage(
    c,
    200,
    'How did we do?',
    'Your rating:',
    html`<p class="score" aria-label="Your rating">${scoreWords(scale, score)}</p>
<form method="post" action="${CSAT_PAGE_PATH}"><input type="hidden" name="token" value="${token}">
<p><label for="comment">Anything to add? (optional)</label></p>
<p><textarea id="comment" name="comment" rows="4" maxlength="1000"></textarea></p>
<button type="submit">Send my rating</button></form>`,
  );
}
