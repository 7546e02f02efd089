import type { MessageLimits } from './types';

/**
 * Slack's limits on `chat.postMessage`
 * (https://api.slack.com/docs/rate-limits#rate-limits__limits-when-posting-messages):
 * about one message per second per channel, and a workspace-wide cap. Counted in whole-second
 * windows; a call over a limit is refused with 429 and the seconds until the window turns.
 */
export class MessageRateLimits {
  private readonly lastPerChannel = new Map<string, number>();
  private readonly perWorkspace = new Map<string, { second: number; count: number }>();
  private calls = 0;
  /** 429s answered because a limit was exceeded, and injected ones, per workspace. */
  readonly refused = new Map<string, { overLimit: number; injected: number }>();

  constructor(private readonly limits: MessageLimits) {}

  /** Seconds the caller must wait before posting to `channel`, or undefined when admitted. */
  admit(teamId: string, channel: string, now: number): number | undefined {
    this.calls += 1;
    const every = this.limits.inject429Every;
    if (every !== undefined && this.calls % every === 0) return this.refuse(teamId, 'injected');

    const second = Math.floor(now / 1000);
    const wait = Math.ceil((second + 1) * 1000 - now) / 1000;
    const last = this.lastPerChannel.get(`${teamId}/${channel}`);
    if (last !== undefined && now - last < 1000) return this.refuse(teamId, 'overLimit', wait);
    const window = this.perWorkspace.get(teamId);
    const count = window?.second === second ? window.count : 0;
    if (count >= this.limits.perWorkspacePerSecond) return this.refuse(teamId, 'overLimit', wait);

    this.perWorkspace.set(teamId, { second, count: count + 1 });
    this.lastPerChannel.set(`${teamId}/${channel}`, now);
    return undefined;
  }

  private refuse(teamId: string, why: 'overLimit' | 'injected', wait = 1): number {
    const counts = this.refused.get(teamId) ?? { overLimit: 0, injected: 0 };
    counts[why] += 1;
    this.refused.set(teamId, counts);
    return Math.max(1, Math.ceil(wait));
  }
}
