import type { Installation } from '@slack/oauth';

import type { TokenCipher } from '../shared/token-cipher';
import type { InstallationKey } from './installation-keys';

/** A token as stored: sealed, with its refresh token and expiry when Slack rotates it. */
export interface StoredToken {
  token: string;
  refreshToken?: string | null;
  /** Unix seconds. */
  expiresAt?: number | null;
  scopes?: string[] | null;
}

/** The bot side of an installation: one per workspace or org, in `installations`. */
export interface InstallationDocument {
  _id: InstallationKey;
  teamId: string | null;
  teamName?: string | null;
  enterpriseId: string | null;
  enterpriseName?: string | null;
  enterpriseUrl?: string | null;
  isEnterpriseInstall: boolean;
  appId?: string | null;
  installerUserId: string;
  bot?: (StoredToken & { id: string; userId: string }) | null;
  installedAt: Date;
  updatedAt: Date;
  /** Set when Slack answered `invalid_auth` or `token_revoked`: an admin must install again. */
  needsReinstall?: boolean | null;
}

/** One user's own grant (user scopes), in `user_installations`; never shared with others. */
export interface UserInstallationDocument extends StoredToken {
  _id: string;
  installationKey: InstallationKey;
  teamId: string | null;
  enterpriseId: string | null;
  userId: string;
  installedAt: Date;
  updatedAt: Date;
}

/** Seals a plaintext token and its refresh token for the record place `context`. */
export function sealToken(
  cipher: TokenCipher,
  context: string,
  token: { token: string; refreshToken?: string; expiresAt?: number; scopes?: string[] },
): StoredToken {
  return {
    token: cipher.seal(token.token, `${context}.token`),
    refreshToken: token.refreshToken && cipher.seal(token.refreshToken, `${context}.refreshToken`),
    expiresAt: token.expiresAt,
    scopes: token.scopes,
  };
}

/** Opens a stored token; MongoDB's `null`s come back as absent fields. */
export function openToken(cipher: TokenCipher, context: string, stored: StoredToken) {
  return {
    token: cipher.open(stored.token, `${context}.token`),
    refreshToken: stored.refreshToken
      ? cipher.open(stored.refreshToken, `${context}.refreshToken`)
      : undefined,
    expiresAt: stored.expiresAt ?? undefined,
    scopes: stored.scopes ?? undefined,
  };
}

/** Rebuilds Slack's `Installation` from the stored bot side and, if any, the user's own grant. */
export function toInstallation(
  cipher: TokenCipher,
  doc: InstallationDocument,
  user: UserInstallationDocument | null,
  queriedUserId?: string,
): Installation {
  const bot = doc.bot ? openToken(cipher, `${doc._id}/bot`, doc.bot) : undefined;
  const own = user ? openToken(cipher, user._id, user) : undefined;
  return {
    team: doc.teamId ? { id: doc.teamId, name: doc.teamName ?? undefined } : undefined,
    enterprise: doc.enterpriseId
      ? { id: doc.enterpriseId, name: doc.enterpriseName ?? undefined }
      : undefined,
    enterpriseUrl: doc.enterpriseUrl ?? undefined,
    isEnterpriseInstall: doc.isEnterpriseInstall,
    appId: doc.appId ?? undefined,
    authVersion: 'v2',
    bot:
      bot && doc.bot
        ? { ...bot, scopes: bot.scopes ?? [], id: doc.bot.id, userId: doc.bot.userId }
        : undefined,
    user: {
      id: user?.userId ?? queriedUserId ?? doc.installerUserId,
      token: own?.token,
      refreshToken: own?.refreshToken,
      expiresAt: own?.expiresAt,
      scopes: own?.scopes,
    },
  } as Installation;
}
