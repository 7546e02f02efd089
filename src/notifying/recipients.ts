import type { WebClient } from '@slack/web-api';
import type { Collection } from 'mongodb';

import type { InstallationDocument } from '../installing/installation-documents';
import type { IdentityLinkStore } from '../signing-in/identity-links';
import type { EmailLookups } from './email-lookups';
import type { Recipient } from './notification-schema';

/** Where a message goes: a workspace and a channel, and the person when it is one. */
export interface Target {
  teamId: string;
  /** A channel id, or a user id (`chat.postMessage` then opens the DM). */
  channel: string;
  userId?: string;
}

/** A recipient who cannot be reached, with the reason code the status route shows. */
export interface Unreachable {
  unreachable: 'users_not_found' | 'cocoom_user_not_linked';
}

/** What resolving needs. */
export interface RecipientDeps {
  emailLookups: EmailLookups;
  identityLinks: IdentityLinkStore;
  installations: Collection<InstallationDocument>;
  /** A client with the bot token of `teamId`. */
  clientFor(teamId: string): Promise<WebClient>;
}

/**
 * Turns a recipient into a target: a Slack user or channel as given, a Cocoom user through the
 * identity links Sign in with Slack records, an email through `users.lookupByEmail` (in the
 * named workspace, else in each installed one in turn).
 */
export async function resolveRecipient(
  deps: RecipientDeps,
  recipient: Recipient,
): Promise<Target | Unreachable> {
  const { teamId } = recipient;
  if (recipient.slackUserId && teamId) {
    return { teamId, channel: recipient.slackUserId, userId: recipient.slackUserId };
  }
  if (recipient.channelId && teamId) return { teamId, channel: recipient.channelId };
  if (recipient.cocoomUserId) return linkedUser(deps, recipient.cocoomUserId, teamId);
  return userByEmail(deps, recipient.email ?? '', teamId);
}

async function linkedUser(
  deps: RecipientDeps,
  cocoomUserId: string,
  teamId?: string,
): Promise<Target | Unreachable> {
  const links = await deps.identityLinks.findByCocoomUser(cocoomUserId);
  const latest = links
    .filter((link) => teamId === undefined || link.teamId === teamId)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  if (!latest) return { unreachable: 'cocoom_user_not_linked' };
  return { teamId: latest.teamId, channel: latest.userId, userId: latest.userId };
}

async function userByEmail(
  deps: RecipientDeps,
  email: string,
  teamId?: string,
): Promise<Target | Unreachable> {
  const teams = teamId ? [teamId] : await installedTeams(deps.installations);
  for (const team of teams) {
    const client = await deps.clientFor(team);
    const userId = await deps.emailLookups.userIdOf(client, team, email);
    if (userId) return { teamId: team, channel: userId, userId };
  }
  return { unreachable: 'users_not_found' };
}

async function installedTeams(installations: Collection<InstallationDocument>) {
  const docs = await installations
    .find({ teamId: { $ne: null }, needsReinstall: { $ne: true } })
    .sort({ installedAt: 1 })
    .project<{ teamId: string }>({ teamId: 1 })
    .toArray();
  return docs.map((doc) => doc.teamId);
}
