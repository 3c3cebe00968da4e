import { Icon } from '../../ui/icons';
import { type Schedule, type TimeRange, WEEKDAYS, type Weekday } from '../settings-api';
import { DAY_NAMES, nextRange, rangeNote, setDayRanges } from './schedule-draft';

function RangeRow({
  day,
  range,
  index,
  onChange,
  onRemove,
}: {
  day: Weekday;
  range: TimeRange;
  index: number;
  onChange: (range: TimeRange) => void;
  onRemove: () => void;
}) {
  const label = `${DAY_NAMES[day]} range ${index + 1}`;
  const note = rangeNote(range);
  return (
    <div className="oh-range">
      <input
        type="time"
        aria-label={`${label} opens`}
        required
        value={range.start}
        onChange={(e) => onChange({ ...range, start: e.target.value })}
      />
      <span aria-hidden="true">–</span>
      <input
        type="time"
        aria-label={`${label} closes`}
        required
        value={range.end === '24:00' ? '23:59' : range.end}
        onChange={(e) => onChange({ ...range, end: e.target.value === '23:59' ? '24:00' : e.target.value })}
      />
      {note ? <span className="hint">{note}</span> : null}
      <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove ${label}`} onClick={onRemove}>
        <Icon name="trash" />
      </button>
    </div>
  );
}

/** Every weekday with its opening ranges (several per day); a day without ranges is closed. */
export function WeeklyEditor({ schedule, onChange }: { schedule: Schedule; onChange: (s: Schedule) => void }) {
  return (
    <fieldset className="oh-week" aria-label="Weekly hours">
      {WEEKDAYS.map((day) => {
        const ranges = schedule.weekly[day] ?? [];
        const set = (next: TimeRange[]) => onChange(setDayRanges(schedule, day, next));
        return (
          <div className="oh-day" key={day}>
            <div className="oh-day-name">
              <strong>{DAY_NAMES[day]}</strong>
              {ranges.length === 0 ? <span className="badge">Closed</span> : null}
            </div>
            <div className="oh-ranges">
              {ranges.map((range, index) => (
                <RangeRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no id; position is their identity
                  key={index}
                  day={day}
                  range={range}
                  index={index}
                  onChange={(r) => set(ranges.map((old, i) => (i === index ? r : old)))}
                  onRemove={() => set(ranges.filter((_, i) => i !== index))}
                />
              ))}
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                disabled={ranges.length >= 12}
                onClick={() => set([...ranges, nextRange(ranges)])}
              >
                <Icon name="plus" /> Add hours on {DAY_NAMES[day]}
              </button>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
