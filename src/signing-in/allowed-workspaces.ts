import type { InstallationStore } from '../installing/installation-store';
import { InstallationNotFoundError } from '../shared/errors';
import { SignInError } from './sign-in-error';
import type { SlackIdentity } from './slack-identity';

/** Why a workspace may sign in: the app is installed there, or the operator listed it. */
export type Allowance = 'installed' | 'configured';

/**
 * The workspaces whose members may sign in: those that installed the app (directly or through
 * their Enterprise organization) plus those in SIGN_IN_ALLOWED_TEAMS. Slack's `team` authorize
 * parameter only steers its screen, so this is checked on the verified id_token.
 */
export class AllowedWorkspaces {
  constructor(
    private readonly installations: InstallationStore,
    private readonly configured: string[],
  ) {}

  /** Why `identity`'s workspace may sign in; throws `team_not_allowed` when it may not. */
  async check(identity: SlackIdentity): Promise<Allowance> {
    if (await this.isInstalled(identity)) return 'installed';
    if (this.configured.includes(identity.teamId)) return 'configured';
    throw new SignInError('team_not_allowed', 'The workspace is neither installed nor listed');
  }

  /** The workspace to suggest on Slack's screen, when exactly one is installed or listed. */
  async hint(): Promise<string | undefined> {
    const installed = await this.installations.installations
      .find({}, { projection: { teamId: 1 } })
      .limit(2)
      .toArray();
    const teams = new Set([...this.configured, ...installed.map((doc) => doc.teamId ?? doc._id)]);
    const [only] = teams;
    return teams.size === 1 && only?.startsWith('T') ? only : undefined;
  }

  private async isInstalled(identity: SlackIdentity): Promise<boolean> {
    const { teamId, enterpriseId } = identity;
    const query = { teamId, enterpriseId, isEnterpriseInstall: false };
    try {
      await this.installations.findInstallationDocument(query);
      return true;
    } catch (error) {
      if (error instanceof InstallationNotFoundError) return false;
      throw error;
    }
  }
}
