import { refreshTokenString, slackId, tokenString } from './ids';
import type { Reachable } from './workspaces';

/** Seconds a rotating token lives (https://api.slack.com/authentication/rotation). */
export const ROTATION_LIFETIME_SECONDS = 43200;

/** An access token and whom it belongs to. */
export interface TokenRecord extends Reachable {
  token: string;
  kind: 'bot' | 'user';
  /** The bot user for a bot token, the user for a user token. */
  userId: string;
  botId?: string;
  scopes: string[];
  /** Epoch milliseconds; absent for tokens that do not expire. */
  expiresAt?: number;
  revoked: boolean;
}

/** Who a new token is for. */
export type TokenOwner = Omit<TokenRecord, 'token' | 'expiresAt' | 'revoked'>;

/** A token just issued. */
export interface Issued {
  record: TokenRecord;
  refreshToken?: string;
}

/** The outcome of presenting a token. */
export type TokenCheck = { record: TokenRecord } | { error: string };

/** The bot user of one installation. */
export interface BotIdentity {
  userId: string;
  botId: string;
}

/** Access tokens, refresh tokens and bot identities. */
export class Tokens {
  private readonly byToken = new Map<string, TokenRecord>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly bots = new Map<string, BotIdentity>();

  constructor(private readonly now: () => number) {}

  /** The bot of an installation (a team or an org), created on first use. */
  botOf(owner: Reachable, userId?: string): BotIdentity {
    const key = owner.isEnterpriseInstall ? `${owner.enterpriseId}` : `${owner.teamId}`;
    const known = this.bots.get(key);
    if (known && (userId === undefined || known.userId === userId)) return known;

    const bot = { userId: userId ?? slackId('U'), botId: slackId('B') };
    this.bots.set(key, bot);
    return bot;
  }

  /** Issues a token; with a lifetime, it rotates and comes with a refresh token. */
  issue(owner: TokenOwner, expiresInSeconds?: number): Issued {
    const rotating = expiresInSeconds !== undefined;
    const record: TokenRecord = {
      ...owner,
      token: tokenString(owner.kind, rotating),
      revoked: false,
      expiresAt: rotating ? this.now() + expiresInSeconds * 1000 : undefined,
    };
    this.byToken.set(record.token, record);
    if (!rotating) return { record };

    const refreshToken = refreshTokenString();
    this.refreshTokens.set(refreshToken, record.token);
    return { record, refreshToken };
  }

  /** Marks a token revoked. */
  revoke(token: string): void {
    const record = this.byToken.get(token);
    if (record) record.revoked = true;
  }

  /** Seconds left before a rotating token expires. */
  secondsLeft(record: TokenRecord): number | undefined {
    if (record.expiresAt === undefined) return undefined;
    return Math.max(0, Math.floor((record.expiresAt - this.now()) / 1000));
  }

  /** Checks a presented token the way Slack reports problems with it. */
  check(token: string | undefined): TokenCheck {
    if (!token) return { error: 'not_authed' };
    const record = this.byToken.get(token);
    if (!record) return { error: 'invalid_auth' };
    if (record.revoked) return { error: 'token_revoked' };
    if (record.expiresAt !== undefined && this.now() >= record.expiresAt) {
      return { error: 'token_expired' };
    }
    return { record };
  }

  /** Spends a refresh token: revokes the old access token and issues a new pair. */
  refresh(refreshToken: string): Issued | undefined {
    const old = this.byToken.get(this.refreshTokens.get(refreshToken) ?? '');
    if (!old) return undefined;

    this.refreshTokens.delete(refreshToken);
    old.revoked = true;
    const { token: _old, expiresAt: _at, revoked: _revoked, ...owner } = old;
    return this.issue(owner, ROTATION_LIFETIME_SECONDS);
  }
}
