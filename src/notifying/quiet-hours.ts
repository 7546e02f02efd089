import type { QuietHours } from '../preferences/preferences-store';

const MINUTES_PER_DAY = 24 * 60;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone);
  if (known) return known;

  const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    // Slack sends IANA names; should one be unknown here, UTC is the least surprising guess.
    formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Minutes since local midnight of instant `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

function minutesOf(clock: string): number {
  const [hours = '0', minutes = '0'] = clock.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function inside(local: number, start: number, end: number): boolean {
  if (start < end) return local >= start && local < end;
  return local >= start || local < end; // the window crosses midnight
}

/**
 * When the user's quiet hours end, if instant `now` falls inside them; null otherwise. The
 * window is read in the user's own time zone and may cross midnight; across a daylight saving
 * change the end is corrected once, so it lands on the wall-clock end time. When that time does
 * not exist that day (the clocks jump over it), the uncorrected end is used: always after `now`.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours, timeZone: string): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const local = localMinutes(now, timeZone);
  if (start === end || !inside(local, start, end)) return null;

  const wait = (end - local + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  const guess = new Date(startOfMinute + wait * 60_000);
  const drift =
    ((localMinutes(guess, timeZone) - end + 1.5 * MINUTES_PER_DAY) % MINUTES_PER_DAY) -
    MINUTES_PER_DAY / 2;
  const corrected = new Date(guess.getTime() - drift * 60_000);
  return corrected > now ? corrected : guess;
}
