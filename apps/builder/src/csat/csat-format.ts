import type { ConversationRating, CsatFigures } from '@flowdesk/contract';

/** The headline CSAT figure: share of ratings that were 4–5 stars or a thumbs up ("—" without ratings). */
export function csatScore(figures: CsatFigures): string {
  return figures.satisfiedRate === null ? '—' : `${Math.round(figures.satisfiedRate * 100)}%`;
}

/** The card's detail: star average (when any), then how many of the asked resolutions were rated. */
export function csatDetail(figures: CsatFigures): string {
  if (figures.asked === 0 && figures.ratings === 0) return 'No resolution asked for a rating';
  const parts: string[] = [];
  if (figures.average !== null) parts.push(`${figures.average.toFixed(1)} / 5 average`);
  const rate = figures.asked === 0 ? '' : ` (${Math.round(figures.responseRate * 100)}%)`;
  parts.push(`${figures.ratings} of ${figures.asked} rated${rate}`);
  return parts.join(' · ');
}

/** One table cell: "75% · 4.2 / 5 · 3 rated", or "—". */
export function csatCell(figures: CsatFigures): string {
  if (figures.ratings === 0) return '—';
  const average = figures.average === null ? '' : ` · ${figures.average.toFixed(1)} / 5`;
  return `${csatScore(figures)}${average} · ${figures.ratings} rated`;
}

/** One rating as words: "★★★★☆ 4 / 5" or "👍 Thumbs up" (`satisfied` comes from the API). */
export function ratingText(rating: Pick<ConversationRating, 'scale' | 'score' | 'satisfied'>): string {
  if (rating.scale === 'thumbs') return rating.satisfied ? '👍 Thumbs up' : '👎 Thumbs down';
  const stars = Math.max(0, Math.min(5, rating.score));
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)} ${rating.score} / 5`;
}
