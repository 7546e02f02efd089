import { slackId } from './ids';
import type { StandInUser, StandInWorkspace } from './types';

/** A user together with the workspace they belong to. */
export interface Member {
  workspace: StandInWorkspace;
  user: StandInUser;
}

/** Who a token belongs to, as far as reach goes. */
export interface Reachable {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
}

function checkTimeZone(user: StandInUser): void {
  if (user.tz === undefined) return;
  // Throws a RangeError for a name that is not an IANA time zone.
  new Intl.DateTimeFormat('en-US', { timeZone: user.tz });
}

/** The workspaces, users and channels the stand-in knows. */
export class Workspaces {
  private readonly teams = new Map<string, StandInWorkspace>();
  private readonly channels = new Map<string, string>();
  private readonly conversations = new Map<string, string>();

  /** Adds or replaces a workspace (a copy is kept). */
  add(workspace: StandInWorkspace): void {
    workspace.users.forEach(checkTimeZone);
    this.teams.set(workspace.teamId, structuredClone(workspace));
  }

  /** The workspace with this id. */
  get(teamId: string | undefined): StandInWorkspace | undefined {
    return teamId === undefined ? undefined : this.teams.get(teamId);
  }

  /** The workspaces of an Enterprise organization. */
  inEnterprise(enterpriseId: string | undefined): StandInWorkspace[] {
    return [...this.teams.values()].filter((w) => w.enterpriseId === enterpriseId);
  }

  /** The workspaces a token reaches; an org-wide token may be narrowed by `team_id`. */
  reach(owner: Reachable, teamIdArg?: string): StandInWorkspace[] {
    if (!owner.isEnterpriseInstall) {
      const workspace = this.get(owner.teamId);
      return workspace ? [workspace] : [];
    }

    const all = owner.enterpriseId === undefined ? [] : this.inEnterprise(owner.enterpriseId);
    if (teamIdArg === undefined) return all;
    return all.filter((w) => w.teamId === teamIdArg);
  }

  /** The token's workspace as `oauth.v2.access` names it; null for an org-wide install. */
  teamRef(owner: Reachable): { id: string; name: string } | null {
    if (owner.isEnterpriseInstall) return null;
    const workspace = this.get(owner.teamId);
    if (!workspace) return null;
    return { id: workspace.teamId, name: workspace.teamName ?? workspace.teamId };
  }

  /** The token's Enterprise organization as `oauth.v2.access` names it; null outside one. */
  enterpriseRef(owner: Reachable): { id: string; name: string } | null {
    if (owner.enterpriseId === undefined) return null;
    const named = this.inEnterprise(owner.enterpriseId).find((w) => w.enterpriseName);
    return { id: owner.enterpriseId, name: named?.enterpriseName ?? owner.enterpriseId };
  }

  /** Registers a channel id in a workspace. */
  addChannel(teamId: string, channelId: string): void {
    if (!this.teams.has(teamId)) throw new RangeError(`unknown workspace ${teamId}`);
    this.channels.set(channelId, teamId);
  }

  /** The workspace a channel id belongs to. */
  channelTeam(channelId: string): string | undefined {
    return this.channels.get(channelId);
  }

  /** Finds a user by id in the given workspaces. */
  findUser(teams: StandInWorkspace[], userId: string): Member | undefined {
    for (const workspace of teams) {
      const user = workspace.users.find((u) => u.id === userId);
      if (user) return { workspace, user };
    }
    return undefined;
  }

  /** Finds a user by email (case-insensitive) in the given workspaces. */
  findByEmail(teams: StandInWorkspace[], email: string): Member | undefined {
    const wanted = email.toLowerCase();
    for (const workspace of teams) {
      const user = workspace.users.find((u) => u.email?.toLowerCase() === wanted);
      if (user) return { workspace, user };
    }
    return undefined;
  }

  /** The conversation id for a set of users: `D...` for one user, `G...` for several. */
  conversationWith(teamId: string, userIds: string[]): string {
    const key = `${teamId}/${[...userIds].sort().join(',')}`;
    const known = this.conversations.get(key);
    if (known) return known;

    const id = slackId(userIds.length === 1 ? 'D' : 'G');
    this.conversations.set(key, id);
    this.channels.set(id, teamId);
    return id;
  }
}
