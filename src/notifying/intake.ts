import { randomUUID } from 'node:crypto';

import type { InstallationStore } from '../installing/installation-store';
import { ApiError, type FieldProblem, InstallationNotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { IdempotencyKeys, StoredAnswer } from './idempotency';
import type { NotifyRequest } from './notification-schema';
import type { Outbox } from './outbox';

/** What intake needs. */
export interface IntakeDeps {
  outbox: Outbox;
  idempotencyKeys: IdempotencyKeys;
  installations: InstallationStore;
  logger: Logger;
  platformUrl: string;
}

/** The answer to give, and whether it is a replay of an earlier one. */
export interface IntakeAnswer extends StoredAnswer {
  replayed: boolean;
}

/**
 * Accepts a validated notification: replays the first answer for a known `Idempotency-Key`,
 * refuses links off the platform and workspaces that have not installed the app (nothing
 * stored), and answers 202 only once the notification and every delivery are written.
 */
export async function acceptNotification(
  deps: IntakeDeps,
  request: NotifyRequest,
  idempotencyKey: string | undefined,
): Promise<IntakeAnswer> {
  const earlier = idempotencyKey && (await deps.idempotencyKeys.answered(idempotencyKey, request));
  if (earlier) return { ...earlier, replayed: true };
  checkLinks(request, deps.platformUrl);
  await checkWorkspaces(request, deps.installations);

  if (idempotencyKey === undefined)
    return { ...(await store(deps, randomUUID(), request)), replayed: false };

  const reservation = await deps.idempotencyKeys.reserve(idempotencyKey, request);
  if ('replay' in reservation) return { ...reservation.replay, replayed: true };
  // Should this fail, the key stays in progress: a retry takes it over after a while and
  // finishes the same notification instead of making a second one.
  const answer = await store(deps, reservation.notificationId, request);
  await deps.idempotencyKeys.complete(idempotencyKey, answer);
  return { ...answer, replayed: false };
}

async function store(deps: IntakeDeps, id: string, request: NotifyRequest): Promise<StoredAnswer> {
  await deps.outbox.accept(id, request);
  const recipients = request.recipients.length;
  deps.logger.info(
    { notificationId: id, category: request.category, recipients },
    'notification accepted',
  );
  return { status: 202, body: { id, recipients } };
}

function checkLinks(request: NotifyRequest, platformUrl: string): void {
  const { link } = request;
  if (link === undefined || (URL.canParse(link) && new URL(link).origin === platformUrl)) return;
  const problem = {
    field: '/link',
    code: 'platform_origin',
    message: `must be on the Cocoom platform (${platformUrl})`,
  };
  throw new ApiError(400, 'validation_failed', 'The request does not match the schema', [problem]);
}

async function checkWorkspaces(request: NotifyRequest, installations: InstallationStore) {
  const problems: FieldProblem[] = [];
  const known = new Map<string, boolean>();
  for (const [index, recipient] of request.recipients.entries()) {
    const teamId = recipient.teamId;
    if (teamId === undefined) continue;
    if (!known.has(teamId)) known.set(teamId, await isInstalled(installations, teamId));
    if (known.get(teamId)) continue;
    problems.push({
      field: `/recipients/${index}/teamId`,
      code: 'workspace_not_installed',
      message: `workspace ${teamId} has not installed Cocoom for Slack`,
    });
  }
  if (problems.length === 0) return;
  const message = 'Some recipients are in workspaces that have not installed the app';
  throw new ApiError(422, 'workspace_not_installed', message, problems);
}

async function isInstalled(installations: InstallationStore, teamId: string): Promise<boolean> {
  try {
    await installations.findInstallationDocument({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    return true;
  } catch (error) {
    if (error instanceof InstallationNotFoundError) return false;
    throw error;
  }
}
