import fc from 'fast-check';
import { expect, describe as group, it } from 'vitest';
import { describe, isOpen, nextOpening, officeStatus } from './office-hours';
import { Schedule, type ScheduleInput } from './schedule';

const schedule = (input: ScheduleInput) => Schedule.parse(input);
const utc = (iso: string) => new Date(iso);
const office = (timezone: string, holidays: string[] = []) =>
  schedule({
    timezone,
    holidays,
    weekly: Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
        d,
        [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:30' },
        ],
      ]),
    ),
  });

group('office hours in Europe/Paris (several ranges per day)', () => {
  const paris = office('Europe/Paris');

  it('is open in the morning range and closed over lunch, in local time', () => {
    // Tue 2026-01-13: CET = UTC+1.
    expect(isOpen(paris, utc('2026-01-13T08:00:00Z'))).toBe(true);
    expect(isOpen(paris, utc('2026-01-13T07:59:59Z'))).toBe(false);
    expect(isOpen(paris, utc('2026-01-13T11:15:00Z'))).toBe(false);
    expect(describe(paris, utc('2026-01-13T09:00:00Z'))).toBe('Open now until 12:00');
    expect(describe(paris, utc('2026-01-13T11:15:00Z'))).toBe('Opens today at 13:00 (Paris time)');
    expect(describe(paris, utc('2026-01-13T16:29:00Z'))).toBe('Open now until 17:30');
    expect(describe(paris, utc('2026-01-13T16:30:00Z'))).toBe('Opens tomorrow at 09:00 (Paris time)');
  });

  it('opens on Monday after a weekend', () => {
    expect(describe(paris, utc('2026-01-16T17:00:00Z'))).toBe('Opens Monday at 09:00 (Paris time)');
    expect(nextOpening(paris, utc('2026-01-16T17:00:00Z'))).toEqual(utc('2026-01-19T08:00:00Z'));
  });

  it('follows the spring-forward change: 09:00 is 08:00Z before and 07:00Z after', () => {
    // DST starts Sunday 2026-03-29 at 02:00 local.
    expect(nextOpening(paris, utc('2026-03-27T17:00:00Z'))).toEqual(utc('2026-03-30T07:00:00Z'));
    expect(nextOpening(paris, utc('2026-03-20T17:00:00Z'))).toEqual(utc('2026-03-23T08:00:00Z'));
  });

  it('a range that starts inside the skipped hour opens when the clock jumps', () => {
    const night = schedule({ timezone: 'Europe/Paris', weekly: { sun: [{ start: '02:00', end: '04:00' }] } });
    expect(nextOpening(night, utc('2026-03-28T12:00:00Z'))).toEqual(utc('2026-03-29T01:00:00Z'));
    expect(isOpen(night, utc('2026-03-29T01:59:00Z'))).toBe(true);
    expect(isOpen(night, utc('2026-03-29T02:00:00Z'))).toBe(false);
  });
});

group('midnight-spanning ranges in America/New_York across DST', () => {
  const nights = schedule({ timezone: 'America/New_York', weekly: { sat: [{ start: '22:00', end: '06:00' }] } });

  it('lasts 7 hours on the spring-forward night', () => {
    // DST starts Sunday 2026-03-08 at 02:00: Sat 22:00 EST = 03:00Z, Sun 06:00 EDT = 10:00Z.
    expect(nextOpening(nights, utc('2026-03-07T12:00:00Z'))).toEqual(utc('2026-03-08T03:00:00Z'));
    expect(officeStatus(nights, utc('2026-03-08T03:00:00Z')).closesAt).toEqual(utc('2026-03-08T10:00:00Z'));
    expect(isOpen(nights, utc('2026-03-08T09:59:00Z'))).toBe(true);
    expect(isOpen(nights, utc('2026-03-08T10:00:00Z'))).toBe(false);
  });

  it('lasts 9 hours on the fall-back night', () => {
    // DST ends Sunday 2026-11-01 at 02:00: Sat 22:00 EDT = 02:00Z, Sun 06:00 EST = 11:00Z.
    expect(nextOpening(nights, utc('2026-10-31T12:00:00Z'))).toEqual(utc('2026-11-01T02:00:00Z'));
    expect(isOpen(nights, utc('2026-11-01T10:30:00Z'))).toBe(true);
    expect(isOpen(nights, utc('2026-11-01T11:00:00Z'))).toBe(false);
  });

  it('after midnight it reads as open until the morning', () => {
    // Sun 2026-01-11 01:00 EST = 06:00Z, inside Saturday's range.
    expect(describe(nights, utc('2026-01-11T06:00:00Z'))).toBe('Open now until 06:00');
  });

  it('in the evening it names the day it closes, not a bare clock already past today', () => {
    // Mon 2026-01-12 20:00 UTC, inside Monday 18:00 → Tuesday 09:00, then Tuesday's 09:00-17:00.
    const evening = schedule({
      timezone: 'UTC',
      weekly: { mon: [{ start: '18:00', end: '09:00' }], tue: [{ start: '09:00', end: '17:00' }] },
    });
    expect(describe(evening, utc('2026-01-12T20:00:00Z'))).toBe('Open now until tomorrow at 17:00');
    expect(describe(evening, utc('2026-01-13T10:00:00Z'))).toBe('Open now until 17:00');
  });
});

group('Australia/Sydney (southern hemisphere DST)', () => {
  const sydney = office('Australia/Sydney');

  it('Monday 09:00 moves from 22:00Z (AEDT) to 23:00Z (AEST) when DST ends on 2026-04-05', () => {
    expect(nextOpening(sydney, utc('2026-03-27T08:00:00Z'))).toEqual(utc('2026-03-29T22:00:00Z'));
    expect(nextOpening(sydney, utc('2026-04-03T08:00:00Z'))).toEqual(utc('2026-04-05T23:00:00Z'));
  });

  it('and back to 22:00Z when DST starts on 2026-10-04', () => {
    expect(nextOpening(sydney, utc('2026-10-02T08:00:00Z'))).toEqual(utc('2026-10-04T22:00:00Z'));
    expect(describe(sydney, utc('2026-10-02T08:00:00Z'))).toBe('Opens Monday at 09:00 (Sydney time)');
  });
});

group('America/Santiago, where the clock skips local midnight', () => {
  // 2026-09-06 starts at 01:00 (-03): Saturday's 24:00 and Sunday's 00:00 are the same instant, 04:00Z.
  const weekend = schedule({
    timezone: 'America/Santiago',
    weekly: { sat: [{ start: '20:00', end: '24:00' }], sun: [{ start: '00:00', end: '02:00' }] },
  });

  it('joins the ranges on both sides of the missing midnight into one opening', () => {
    expect(nextOpening(weekend, utc('2026-09-05T12:00:00Z'))).toEqual(utc('2026-09-06T00:00:00Z'));
    expect(isOpen(weekend, utc('2026-09-06T04:00:00Z'))).toBe(true);
    expect(officeStatus(weekend, utc('2026-09-06T03:00:00Z')).closesAt).toEqual(utc('2026-09-06T05:00:00Z'));
    expect(describe(weekend, utc('2026-09-06T03:00:00Z'))).toBe('Open now until tomorrow at 02:00');
    expect(isOpen(weekend, utc('2026-09-06T05:00:00Z'))).toBe(false);
  });
});

group('holidays, empty and always-open schedules', () => {
  it('skips closed dates and names a far opening by its date', () => {
    const holidays = Array.from({ length: 12 }, (_, i) => `2026-07-${String(20 + i).padStart(2, '0')}`);
    const summer = office('Europe/Paris', ['2026-07-14', ...holidays]);
    expect(isOpen(summer, utc('2026-07-14T08:00:00Z'))).toBe(false);
    expect(nextOpening(summer, utc('2026-07-14T08:00:00Z'))).toEqual(utc('2026-07-15T07:00:00Z'));
    expect(describe(summer, utc('2026-07-17T16:00:00Z'))).toBe('Opens on Monday 3 August at 09:00 (Paris time)');
  });

  it('a range from the evening before a holiday still runs past midnight', () => {
    const late = schedule({
      timezone: 'Europe/Paris',
      weekly: { thu: [{ start: '20:00', end: '02:00' }], fri: [{ start: '20:00', end: '02:00' }] },
      holidays: ['2026-12-25'],
    });
    expect(isOpen(late, utc('2026-12-25T00:30:00Z'))).toBe(true);
    expect(isOpen(late, utc('2026-12-25T19:30:00Z'))).toBe(false);
  });

  it('never opens without ranges', () => {
    const closed = schedule({ timezone: 'UTC', weekly: {} });
    expect(nextOpening(closed, utc('2026-01-01T00:00:00Z'))).toBeNull();
    expect(describe(closed, utc('2026-01-01T00:00:00Z'))).toBe('Closed');
  });

  it('stays open around the clock and merges touching ranges', () => {
    const always = schedule({
      timezone: 'Asia/Tokyo',
      weekly: Object.fromEntries(
        (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((d) => [
          d,
          [{ start: '00:00', end: '24:00' }],
        ]),
      ),
    });
    expect(officeStatus(always, utc('2026-05-05T05:00:00Z'))).toEqual({ open: true, closesAt: null, opensAt: null });
    expect(describe(always, utc('2026-05-05T05:00:00Z'))).toBe('Open now');
    const split = schedule({
      timezone: 'UTC',
      weekly: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '18:00' },
        ],
      },
    });
    expect(describe(split, utc('2026-01-12T10:00:00Z'))).toBe('Open now until 18:00');
  });
});

group('schedule validation', () => {
  it('rejects unknown zones and malformed clocks and dates', () => {
    expect(Schedule.safeParse({ timezone: 'Mars/Olympus', weekly: {} }).success).toBe(false);
    expect(Schedule.safeParse({ timezone: 'UTC', weekly: { mon: [{ start: '9:00', end: '17:00' }] } }).success).toBe(
      false,
    );
    expect(Schedule.safeParse({ timezone: 'UTC', weekly: { mon: [{ start: '24:00', end: '01:00' }] } }).success).toBe(
      false,
    );
    expect(Schedule.safeParse({ timezone: 'UTC', weekly: {}, holidays: ['2026-13-01'] }).success).toBe(false);
    expect(Schedule.safeParse({ timezone: 'UTC', weekly: { funday: [] } }).success).toBe(false);
  });
});

group('properties', () => {
  const zones = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
  const instants = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }).map((t) => new Date(t));

  it('nextOpening is the instant itself exactly when open, and is always an open instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, at) => {
        const s = office(zone);
        const next = nextOpening(s, at);
        expect(next).not.toBeNull();
        expect(next!.getTime() === at.getTime()).toBe(isOpen(s, at));
        expect(isOpen(s, next!)).toBe(true);
        if (next!.getTime() !== at.getTime()) expect(isOpen(s, new Date(next!.getTime() - 1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
