import { useState } from 'react';
import './analytics.css';
import { type DayRange, presetOf, presetRange, RANGE_PRESETS, rangeProblem } from './date-range';

/** Last 7 / 30 / 90 days (ending today in the workspace's zone) or a custom pair of days. */
export function RangePicker({
  range,
  timeZone,
  onChange,
}: {
  range: DayRange;
  timeZone: string;
  onChange: (range: DayRange) => void;
}) {
  const preset = presetOf(range, timeZone);
  const [custom, setCustom] = useState<DayRange | null>(null);
  const problem = custom ? rangeProblem(custom) : null;
  return (
    <div className="analytics-range">
      <fieldset className="analytics-segments" aria-label="Date range">
        {RANGE_PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            className={preset === days && !custom ? 'analytics-segment active' : 'analytics-segment'}
            aria-pressed={preset === days && !custom}
            onClick={() => {
              setCustom(null);
              onChange(presetRange(days, timeZone));
            }}
          >
            Last {days} days
          </button>
        ))}
        <button
          type="button"
          className={custom || preset === null ? 'analytics-segment active' : 'analytics-segment'}
          aria-pressed={!!custom || preset === null}
          onClick={() => setCustom(custom ?? range)}
        >
          Custom
        </button>
      </fieldset>
      {custom ? (
        <form
          className="analytics-custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) onChange(custom);
          }}
        >
          <label className="analytics-field">
            <span>From</span>
            <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          </label>
          <label className="analytics-field">
            <span>To</span>
            <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </label>
          <button type="submit" className="btn btn-sm" disabled={!!problem}>
            Apply
          </button>
          {problem ? (
            <span className="analytics-range-problem" role="alert">
              {problem}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
