import type { App, BlockAction, BlockElementAction } from '@slack/bolt';

import type { PreferencesStore } from '../preferences/preferences-store';
import type { Logger } from '../shared/logger';
import { HOME_ACTIONS, HOME_LINK_ACTIONS } from './home-action-ids';
import type { HomePublisher, HomeUser } from './home-publisher';
import {
  type PreferenceChange,
  changeCategories,
  changeDigest,
  changeQuietEnd,
  changeQuietStart,
  clearQuietHours,
} from './preference-changes';

/** What the Home's action listeners use. */
export interface HomeActionDependencies {
  publisher: HomePublisher;
  preferences: PreferencesStore;
  logger: Logger;
}

const CHANGES: [string, PreferenceChange][] = [
  [HOME_ACTIONS.categories, changeCategories],
  [HOME_ACTIONS.quietStart, changeQuietStart],
  [HOME_ACTIONS.quietEnd, changeQuietEnd],
  [HOME_ACTIONS.quietClear, clearQuietHours],
  [HOME_ACTIONS.digest, changeDigest],
];

/**
 * Listens to the Home's preference controls: each change is acknowledged at once, then saved
 * and the Home republished. URL buttons are only acknowledged (Slack opens the link itself).
 */
export function registerHomeActions(app: App, deps: HomeActionDependencies): void {
  app.action(HOME_LINK_ACTIONS, async ({ ack }) => {
    await ack();
  });
  for (const [actionId, change] of CHANGES) {
    app.action<BlockAction>({ type: 'block_actions', action_id: actionId }, async (args) => {
      // Slack wants the answer within 3 seconds: acknowledge before the database and Slack.
      await args.ack();
      // The workspace the Home belongs to, as authorized, which is also where the Home reads
      // the preferences; the user's own team may differ (Enterprise Grid, shared workspaces).
      const { teamId } = args.context;
      if (teamId === undefined) return;
      const user = { teamId, userId: args.body.user.id };
      await save(deps, user, change, args.action);
      const reader = await deps.publisher.reader(args.client, user);
      // The clicked view's hash lets Slack refuse this Home if a newer one was published since.
      await deps.publisher.publish(args.client, user, reader, args.body.view?.hash);
    });
  }
}

/** Saves a change; on failure the Home is still republished, showing what is really saved. */
async function save(
  deps: HomeActionDependencies,
  user: HomeUser,
  change: PreferenceChange,
  action: BlockElementAction,
): Promise<void> {
  const log = deps.logger.child({ teamId: user.teamId, userId: user.userId });
  try {
    const fields = change(action);
    if (fields === undefined) return;
    await deps.preferences.set(user.teamId, user.userId, fields);
    log.info({ changed: Object.keys(fields) }, 'preferences saved');
  } catch (error) {
    log.error({ err: error }, 'preferences not saved');
  }
}
