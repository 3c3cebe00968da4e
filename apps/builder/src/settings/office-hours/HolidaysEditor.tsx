import { useState } from 'react';
import { Icon } from '../../ui/icons';
import type { Schedule } from '../settings-api';
import { addHoliday, removeHoliday } from './schedule-draft';

const dateWords = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** Closed dates (local to the schedule's zone). */
export function HolidaysEditor({ schedule, onChange }: { schedule: Schedule; onChange: (s: Schedule) => void }) {
  const [date, setDate] = useState('');
  return (
    <div className="oh-holidays">
      <div className="row">
        <label className="field grow">
          <span>Closed on</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button
          type="button"
          className="btn"
          disabled={!date}
          onClick={() => {
            onChange(addHoliday(schedule, date));
            setDate('');
          }}
        >
          <Icon name="plus" /> Add holiday
        </button>
      </div>
      {schedule.holidays.length === 0 ? (
        <p className="hint">No holidays: the weekly hours apply every week.</p>
      ) : (
        <ul className="oh-holiday-list" aria-label="Holidays">
          {schedule.holidays.map((day) => (
            <li key={day}>
              <span>{dateWords(day)}</span>
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Remove holiday ${day}`}
                onClick={() => onChange(removeHoliday(schedule, day))}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
