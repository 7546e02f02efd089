import type { SlackAnswer } from './http-io';
import { viewProblems } from './block-limits';
import { opaque, slackId } from './ids';
import type { AuthedCall } from './state';
import { jsonArg, stringArg } from './state';

/** Blocks per view (https://api.slack.com/reference/block-kit/blocks). */
const MAX_VIEW_BLOCKS = 100;

type HomeView = { type: 'home'; blocks: unknown[] } & Record<string, unknown>;

function isHomeView(view: unknown): view is HomeView {
  if (typeof view !== 'object' || view === null) return false;
  const { type, blocks } = view as Record<string, unknown>;
  return type === 'home' && Array.isArray(blocks) && blocks.length <= MAX_VIEW_BLOCKS;
}

/** `views.publish` for the Home tab (https://api.slack.com/methods/views.publish). */
export function viewsPublish({ state, args, owner }: AuthedCall): SlackAnswer {
  const view = jsonArg(args, 'view');
  if (!isHomeView(view)) return { ok: false, error: 'invalid_arguments' };
  const problems = viewProblems(view);
  if (problems.length > 0) {
    return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
  }
  const userId = stringArg(args, 'user_id') ?? '';
  const teams = state.workspaces.reach(owner, stringArg(args, 'team_id'));
  const member = state.workspaces.findUser(teams, userId);
  if (!member) return { ok: false, error: 'user_not_found' };

  const teamId = member.workspace.teamId;
  const key = `${teamId}/${userId}`;
  const current = state.homeViews.get(key);
  const hash = stringArg(args, 'hash');
  if (hash !== undefined && current && hash !== current.hash) {
    return { ok: false, error: 'hash_conflict' };
  }

  // Every publish changes the hash, so a click in an older Home carries a stale one.
  const published = {
    id: current?.id ?? slackId('V'),
    hash: `${Math.floor(state.now() / 1000)}.${opaque(4)}`,
    view,
  };
  state.homeViews.set(key, published);
  return { ok: true, view: viewObject(view, published, teamId, state.app.appId, owner.botId) };
}

/** The view as Slack echoes it back (https://api.slack.com/reference/surfaces/views). */
function viewObject(
  view: HomeView,
  published: { id: string; hash: string },
  teamId: string,
  appId: string,
  botId: string | undefined,
): Record<string, unknown> {
  return {
    id: published.id,
    team_id: teamId,
    type: 'home',
    blocks: view.blocks,
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: view.external_id ?? '',
    state: { values: {} },
    hash: published.hash,
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    previous_view_id: null,
    root_view_id: published.id,
    app_id: appId,
    app_installed_team_id: teamId,
    bot_id: botId ?? null,
  };
}
