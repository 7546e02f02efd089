import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';

import type { TokenCipher } from '../shared/token-cipher';
import type { InstallationDocument } from './installation-documents';
import { openToken } from './installation-documents';
import { userInstallationKey } from './installation-keys';
import type { InstallationStore } from './installation-store';
import type { TokenRotation } from './token-rotation';

/** How long an answer is reused: well inside the two hours left on a token before rotation. */
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 10_000;

/**
 * Bolt's `authorize`: finds the installation serving an incoming request, refreshes its tokens
 * when Slack rotates them, and hands Bolt the bot token, plus the user's token only when that
 * very user granted one.
 *
 * Answers are reused for a minute, so that a user's clicks are acknowledged within Slack's three
 * seconds even when the database is slow: Bolt authorizes before any listener can `ack`. This
 * process forgets them whenever an installation changes here; another process's change reaches
 * it within the minute.
 */
export function createAuthorize(
  store: InstallationStore,
  rotation: TokenRotation,
  cipher: TokenCipher,
) {
  const cache = new Map<string, { result: AuthorizeResult; until: number }>();
  store.onChange(() => cache.clear());

  return async (source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> => {
    const key = JSON.stringify([source.enterpriseId, source.teamId, source.userId]);
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.result;

    const result = await lookUp(source);
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    cache.set(key, { result, until: Date.now() + CACHE_MS });
    return result;
  };

  async function lookUp(source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> {
    const found = await store.findInstallationDocument(source);
    const doc = (await rotation.fresh(
      store.botTokenPlace(found._id),
      found,
    )) as InstallationDocument;
    const bot = doc.bot ? openToken(cipher, `${doc._id}/bot`, doc.bot) : undefined;

    return {
      botToken: bot?.token,
      botId: doc.bot?.id,
      botUserId: doc.bot?.userId,
      teamId: source.teamId ?? doc.teamId ?? undefined,
      enterpriseId: source.enterpriseId ?? doc.enterpriseId ?? undefined,
      userToken: source.userId ? await userToken(doc._id, source.userId) : undefined,
    };
  }

  async function userToken(key: InstallationDocument['_id'], userId: string) {
    const id = userInstallationKey(key, userId);
    const found = await store.userInstallations.findOne({ _id: id });
    if (found === null) return undefined;

    const fresh = await rotation.fresh(store.userTokenPlace(id), found);
    return openToken(cipher, id, fresh as typeof found).token;
  }
}
