import type { InstallationKey } from '../installing/installation-keys';
import type { InstallationStore } from '../installing/installation-store';
import type { Services } from '../services';
import type { Clock } from '../shared/clock';

/** What a worker needs to post in a workspace. */
export interface WorkspaceAccess {
  key: InstallationKey;
  token: string;
  /** Slack no longer accepts the stored token: an admin must install again. */
  needsReinstall: boolean;
}

/**
 * How long a worker reuses a workspace's token without asking the store again: far less than
 * the two hours before expiry at which rotating tokens are refreshed.
 */
const REUSE_MS = 30_000;

/**
 * The bot token of each workspace for the delivery workers, through the app's `authorize` (which
 * refreshes rotating tokens), kept briefly in memory so a burst of messages reads it once.
 */
export class WorkspaceTokens {
  private readonly cache = new Map<string, { access: WorkspaceAccess; at: number }>();

  constructor(
    private readonly installations: InstallationStore,
    private readonly authorize: Services['authorize'],
    private readonly clock: Clock,
  ) {}

  /** The workspace's access; throws InstallationNotFoundError when it is not installed. */
  async access(teamId: string): Promise<WorkspaceAccess> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(teamId);
    if (cached && now - cached.at < REUSE_MS && now >= cached.at) return cached.access;

    const query = { teamId, enterpriseId: undefined, isEnterpriseInstall: false as const };
    const doc = await this.installations.findInstallationDocument(query);
    const authorized = await this.authorize(query);
    const access = {
      key: doc._id,
      token: authorized.botToken ?? '',
      needsReinstall: doc.needsReinstall === true,
    };
    if (!access.needsReinstall) this.cache.set(teamId, { access, at: now });
    return access;
  }

  /** Marks the installation as needing a re-install and stops using its token. */
  async revoked(teamId: string, key: InstallationKey): Promise<void> {
    this.cache.delete(teamId);
    await this.installations.markNeedsReinstall(key);
  }
}
