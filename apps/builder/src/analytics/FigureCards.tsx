import type { AnalyticsOverview, DurationFigures } from '@flowdesk/contract';
import { csatDetail, csatScore } from '../csat/csat-format';
import { formatDuration, formatRate } from './figures-format';

function Card({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="card analytics-card" data-figure={label}>
      <h3>{label}</h3>
      <p className="analytics-card-value">{value}</p>
      <p className="analytics-card-detail">{detail}</p>
    </div>
  );
}

function durationDetail(figures: DurationFigures, what: string): string {
  if (figures.count === 0) return `No ${what} measured`;
  return `p90 ${formatDuration(figures.p90Ms)} · ${figures.count} measured`;
}

/** The headline figures of the range, one card each. */
export function FigureCards({ overview }: { overview: AnalyticsOverview }) {
  const total = overview.conversations;
  return (
    <section className="analytics-cards" aria-label="Figures">
      <Card label="Conversations" value={String(total)} detail="started in the range" />
      <Card
        label="Resolved by the bot"
        value={formatRate(overview.botResolvedRate, total)}
        detail={`${overview.botResolved} resolved with no handoff`}
      />
      <Card
        label="Handoff rate"
        value={formatRate(overview.handoffRate, total)}
        detail={`${overview.handedOff} handed to a person`}
      />
      <Card
        label="Left without an answer"
        value={String(overview.leftWithoutAnswer)}
        detail="handed off, no person replied"
      />
      <Card
        label="First response (median)"
        value={formatDuration(overview.firstResponse.medianMs)}
        detail={durationDetail(overview.firstResponse, 'responses')}
      />
      <Card
        label="Resolution (median)"
        value={formatDuration(overview.resolution.medianMs)}
        detail={durationDetail(overview.resolution, 'resolutions')}
      />
      <Card label="Satisfaction (CSAT)" value={csatScore(overview.csat)} detail={csatDetail(overview.csat)} />
    </section>
  );
}
