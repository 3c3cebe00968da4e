import type { ConversationRating } from '@flowdesk/contract';
import { ratingText } from '../../csat/csat-format';
import { formatDateTime } from '../../ui/format';

const SOURCE = { widget: 'in the chat', email: 'from the rating email' } as const;

/** The visitor's latest rating of this conversation, as the API gave it (the comment shown as text). */
export function RatingSection({ rating }: { rating: ConversationRating | null | undefined }) {
  return (
    <section className="panel-section" aria-label="Visitor rating">
      <h3>Rating</h3>
      {rating ? (
        <dl className="kv">
          <div>
            <dt>Score</dt>
            <dd>
              <span className="rating-score">{ratingText(rating)}</span>{' '}
              <span className={rating.satisfied ? 'rating-verdict satisfied' : 'rating-verdict'}>
                {rating.satisfied ? 'Satisfied' : 'Not satisfied'}
              </span>
            </dd>
          </div>
          <div>
            <dt>Comment</dt>
            <dd className="break rating-comment">{rating.comment ?? '—'}</dd>
          </div>
          <div>
            <dt>Rated</dt>
            <dd>
              {formatDateTime(rating.ratedAt)}
              {rating.source ? ` · ${SOURCE[rating.source]}` : ''}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="rating-empty">Not rated yet.</p>
      )}
    </section>
  );
}
