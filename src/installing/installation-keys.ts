import type { Installation, InstallationQuery } from '@slack/oauth';

import { InstallationInvalidError } from '../shared/errors';

/**
 * Slack keys an installation by its workspace (`T…`), or by its organization (`E…`) when the
 * app was installed org-wide on Enterprise Grid. Team and enterprise ids are unique across
 * Slack.
 */
export type InstallationKey = `T:${string}` | `E:${string}`;

/** The key under which Slack's `installation` is stored. */
export function keyOfInstallation(installation: Installation): InstallationKey {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) {
    return `E:${installation.enterprise.id}`;
  }
  if (installation.team?.id) return `T:${installation.team.id}`;
  throw new InstallationInvalidError('The installation names neither a workspace nor an org');
}

/**
 * The keys that may serve `query`, best first: the workspace's own installation, then its
 * organization's org-wide installation.
 */
export function keysForQuery(query: InstallationQuery<boolean>): InstallationKey[] {
  const keys: InstallationKey[] = [];
  if (query.isEnterpriseInstall) {
    if (query.enterpriseId) keys.push(`E:${query.enterpriseId}`);
    return keys;
  }
  if (query.teamId) keys.push(`T:${query.teamId}`);
  if (query.enterpriseId) keys.push(`E:${query.enterpriseId}`);
  return keys;
}

/** The key of one user's own installation inside installation `key`. */
export function userInstallationKey(key: InstallationKey, userId: string): string {
  return `${key}/U:${userId}`;
}
