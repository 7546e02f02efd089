import type {
  Installation,
  InstallationQuery,
  InstallationStore as SlackInstallationStore,
} from '@slack/oauth';
import type { Collection, Db } from 'mongodb';

import type { Clock } from '../shared/clock';
import { InstallationNotFoundError } from '../shared/errors';
import type { TokenCipher } from '../shared/token-cipher';
import {
  type InstallationDocument,
  type UserInstallationDocument,
  sealToken,
  toInstallation,
} from './installation-documents';
import {
  type InstallationKey,
  keyOfInstallation,
  keysForQuery,
  userInstallationKey,
} from './installation-keys';
import type { RotatingRecord, TokenPlace } from './token-rotation';

/**
 * Slack installations in MongoDB, behind `@slack/oauth`'s installation store interface.
 *
 * The bot side lives in `installations` (one per workspace or org-wide install) and each user's
 * own grant in `user_installations`, so a user who grants only user scopes never touches the
 * bot token, and a user is only ever handed their own user token. Both are keyed by `_id`,
 * MongoDB's unique index, so re-installing updates in place.
 */
export class InstallationStore implements SlackInstallationStore {
  readonly installations: Collection<InstallationDocument>;
  readonly userInstallations: Collection<UserInstallationDocument>;
  private readonly listeners: (() => void)[] = [];

  constructor(
    db: Db,
    private readonly cipher: TokenCipher,
    private readonly clock: Clock,
  ) {
    this.installations = db.collection('installations');
    this.userInstallations = db.collection('user_installations');
  }

  /** Calls `listener` whenever this store stores or removes an installation. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Creates the indexes the store's queries use. */
  async ensureIndexes(): Promise<void> {
    await this.userInstallations.createIndex({ installationKey: 1, userId: 1 });
  }

  /** Stores a fresh (re-)installation from the OAuth callback. */
  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOfInstallation(installation);
    const now = this.clock.now();
    if (installation.bot) await this.storeBot(key, installation, now);
    if (installation.user.token) await this.storeUser(key, installation, now);
    this.changed();
  }

  private async storeBot(key: InstallationKey, installation: Installation, now: Date) {
    const bot = installation.bot;
    if (!bot) return;

    await this.installations.updateOne(
      { _id: key },
      {
        $set: {
          teamId: installation.team?.id ?? null,
          teamName: installation.team?.name ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          enterpriseName: installation.enterprise?.name ?? null,
          enterpriseUrl: installation.enterpriseUrl ?? null,
          isEnterpriseInstall: installation.isEnterpriseInstall === true,
          appId: installation.appId ?? null,
          installerUserId: installation.user.id,
          bot: { ...sealToken(this.cipher, `${key}/bot`, bot), id: bot.id, userId: bot.userId },
          installedAt: now,
          updatedAt: now,
          needsReinstall: false,
        },
      },
      { upsert: true },
    );
  }

  private async storeUser(key: InstallationKey, installation: Installation, now: Date) {
    const { user } = installation;
    if (!user.token) return;

    const id = userInstallationKey(key, user.id);
    const sealed = sealToken(this.cipher, id, {
      token: user.token,
      refreshToken: user.refreshToken,
      expiresAt: user.expiresAt,
      scopes: user.scopes,
    });
    await this.userInstallations.updateOne(
      { _id: id },
      {
        $set: {
          ...sealed,
          installationKey: key,
          teamId: installation.team?.id ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          userId: user.id,
          installedAt: now,
          updatedAt: now,
        },
      },
      { upsert: true },
    );
  }

  /**
   * Finds the installation serving `query`: the workspace's own, else its org's org-wide one.
   * The user token is included only when `query.userId` has granted one.
   */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const doc = await this.findInstallationDocument(query);
    const user = query.userId
      ? await this.userInstallations.findOne({ _id: userInstallationKey(doc._id, query.userId) })
      : null;
    return toInstallation(this.cipher, doc, user, query.userId);
  }

  /** The stored bot side serving `query`, still sealed. */
  async findInstallationDocument(query: InstallationQuery<boolean>) {
    for (const key of keysForQuery(query)) {
      const doc = await this.installations.findOne({ _id: key });
      if (doc?.bot) return doc;
    }
    throw new InstallationNotFoundError(
      `No installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`,
    );
  }

  /** Deletes one user's grant when `query.userId` is given, else the whole installation. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const [key] = keysForQuery(query);
    if (key === undefined) return;

    if (query.userId) {
      await this.userInstallations.deleteOne({ _id: userInstallationKey(key, query.userId) });
      this.changed();
      return;
    }
    await this.removeInstallation(key, this.clock.now());
  }

  /**
   * Removes installation `key` and its users' grants, but only what was installed at or before
   * `before`: an uninstall that Slack sent before a newer re-install leaves that re-install be.
   */
  async removeInstallation(key: InstallationKey, before: Date): Promise<void> {
    await this.installations.deleteOne({ _id: key, installedAt: { $lte: before } });
    await this.userInstallations.deleteMany({
      installationKey: key,
      installedAt: { $lte: before },
    });
    this.changed();
  }

  /** Removes the bot token of installation `key` if installed at or before `before`. */
  async removeBot(key: InstallationKey, before: Date): Promise<void> {
    await this.installations.deleteOne({ _id: key, installedAt: { $lte: before } });
    this.changed();
  }

  /** Removes the grants of `userIds` in installation `key` made at or before `before`. */
  async removeUsers(key: InstallationKey, userIds: string[], before: Date): Promise<void> {
    if (userIds.length === 0) return;
    await this.userInstallations.deleteMany({
      installationKey: key,
      userId: { $in: userIds },
      installedAt: { $lte: before },
    });
    this.changed();
  }

  /** Where the bot token of installation `key` rotates. */
  botTokenPlace(key: InstallationKey): TokenPlace {
    const collection = this.installations as unknown as Collection<RotatingRecord>; // by _id only
    return { collection, id: key, path: 'bot' };
  }

  /** Where the token of user installation `id` rotates. */
  userTokenPlace(id: string): TokenPlace {
    const collection = this.userInstallations as unknown as Collection<RotatingRecord>; // by _id
    return { collection, id, path: '' };
  }

  /** Flags installation `key` as needing a re-install (Slack no longer accepts its token). */
  async markNeedsReinstall(key: InstallationKey): Promise<void> {
    await this.installations.updateOne({ _id: key }, { $set: { needsReinstall: true } });
  }
}
