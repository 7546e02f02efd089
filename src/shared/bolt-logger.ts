import { LogLevel, type Logger as SlackLogger } from '@slack/logger';

import type { Logger } from './logger';

const levels: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Presents the app's pino logger in the shape Bolt and the Slack SDK expect. */
export function toSlackLogger(logger: Logger): SlackLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      logger[level]({ source: 'slack-sdk' }, msg.map(String).join(' '));
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    getLevel: () => levels[logger.level] ?? LogLevel.INFO,
    setLevel: () => undefined,
    setName: () => undefined,
  };
}
