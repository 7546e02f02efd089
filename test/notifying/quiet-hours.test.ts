import { describe, expect, it } from '@jest/globals';

import { quietHoursEnd } from '../../src/notifying/quiet-hours';

const at = (iso: string) => new Date(iso);

describe('quietHoursEnd', () => {
  const night = { start: '22:00', end: '07:00' };

  it('is null outside the window', () => {
    expect(quietHoursEnd(at('2026-03-02T12:00:00Z'), night, 'Europe/Paris')).toBeNull();
    expect(quietHoursEnd(at('2026-03-02T06:00:00Z'), night, 'Europe/Paris')).toBeNull(); // 07:00
  });

  it('ends the next morning for a window crossing midnight, in the person’s zone', () => {
    const end = quietHoursEnd(at('2026-03-02T21:15:30Z'), night, 'Europe/Paris'); // 22:15:30

    expect(end?.toISOString()).toBe('2026-03-03T06:00:00.000Z');
  });

  it('ends the same morning after midnight', () => {
    const end = quietHoursEnd(at('2026-03-03T03:00:00Z'), night, 'America/New_York'); // 22:00

    expect(end?.toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });

  it('handles a window within one day', () => {
    const lunch = { start: '12:00', end: '14:00' };

    expect(quietHoursEnd(at('2026-03-02T04:30:00Z'), lunch, 'Asia/Tokyo')?.toISOString()).toBe(
      '2026-03-02T05:00:00.000Z',
    );
  });

  it('lands on the wall-clock end across a daylight saving change', () => {
    // Paris moves from UTC+1 to UTC+2 at 02:00 on 2026-03-29.
    const end = quietHoursEnd(at('2026-03-28T22:00:00Z'), night, 'Europe/Paris'); // 23:00

    expect(end?.toISOString()).toBe('2026-03-29T05:00:00.000Z'); // 07:00 summer time
  });

  it('ends after now when the clocks jump over the end time', () => {
    // Paris springs forward from 02:00 to 03:00 on 2026-03-29: 02:30 does not exist that night.
    const now = new Date('2026-03-29T00:40:00Z'); // 01:40 in Paris

    const end = quietHoursEnd(now, { start: '22:00', end: '02:30' }, 'Europe/Paris');

    expect(end?.getTime()).toBeGreaterThan(now.getTime());
    expect(end?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('treats an empty window as no quiet hours', () => {
    expect(
      quietHoursEnd(at('2026-03-02T12:00:00Z'), { start: '09:00', end: '09:00' }, 'UTC'),
    ).toBeNull();
  });
});
