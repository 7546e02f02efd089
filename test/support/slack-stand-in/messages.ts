import type { SlackAnswer } from './http-io';
import type { AuthedCall, StandInState } from './state';
import { jsonArg, stringArg } from './state';
import type { TokenRecord } from './tokens';

/** Blocks per message (https://api.slack.com/reference/block-kit/blocks). */
const MAX_MESSAGE_BLOCKS = 50;

function failure(error: string): SlackAnswer {
  return { ok: false, error };
}

/** A fresh message timestamp, `seconds.micros`, never repeated. */
function nextTs(state: StandInState): string {
  const micros = Math.max(state.now() * 1000, state.lastTs + 1);
  state.lastTs = micros;
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
}

/** A user id becomes the DM with that user; a channel id must be known in the token's reach. */
function resolveChannel(state: StandInState, owner: TokenRecord, args: Record<string, unknown>) {
  const channel = stringArg(args, 'channel') ?? '';
  const teams = state.workspaces.reach(owner, stringArg(args, 'team_id'));
  const member = state.workspaces.findUser(teams, channel);
  if (member) {
    const teamId = member.workspace.teamId;
    return { teamId, channel: state.workspaces.conversationWith(teamId, [channel]) };
  }

  const teamId = state.workspaces.channelTeam(channel);
  if (!teamId || !teams.some((w) => w.teamId === teamId)) return undefined;
  return { teamId, channel };
}

/** `chat.postMessage` (https://api.slack.com/methods/chat.postMessage). */
export function chatPostMessage({ state, args, owner }: AuthedCall): SlackAnswer {
  const target = resolveChannel(state, owner, args);
  if (!target) return failure('channel_not_found');
  const retryAfter = state.messageLimits?.admit(target.teamId, target.channel, state.now());
  if (retryAfter !== undefined) return { ok: false, error: 'ratelimited', retryAfter };
  const blocks = jsonArg(args, 'blocks');
  const validBlocks = Array.isArray(blocks) && blocks.length <= MAX_MESSAGE_BLOCKS;
  if (blocks !== undefined && !validBlocks) return failure('invalid_blocks');
  const text = stringArg(args, 'text');
  if (text === undefined && blocks === undefined && args.attachments === undefined) {
    return failure('no_text');
  }

  const ts = nextTs(state);
  const threadTs = stringArg(args, 'thread_ts');
  const shownBlocks = validBlocks ? blocks : undefined;
  state.messages.push({ ...target, ts, text, blocks: shownBlocks, threadTs });
  const bot = owner.botId ? { bot_id: owner.botId, app_id: state.app.appId } : {};
  const message = {
    type: 'message',
    text: text ?? '',
    user: owner.userId,
    ...bot,
    ts,
    team: target.teamId,
    ...(shownBlocks ? { blocks: shownBlocks } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  return { ok: true, channel: target.channel, ts, message };
}

/** `conversations.open` (https://api.slack.com/methods/conversations.open). */
export function conversationsOpen({ state, args, owner }: AuthedCall): SlackAnswer {
  const teams = state.workspaces.reach(owner, stringArg(args, 'team_id'));
  const channel = stringArg(args, 'channel');
  if (channel !== undefined) {
    const teamId = state.workspaces.channelTeam(channel);
    if (!teams.some((w) => w.teamId === teamId)) return failure('channel_not_found');
    return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
  }

  const userIds = (stringArg(args, 'users') ?? '').split(',').filter((id) => id !== '');
  if (userIds.length === 0) return failure('users_list_not_supplied');
  const members = userIds.map((id) => state.workspaces.findUser(teams, id));
  const teamId = members[0]?.workspace.teamId;
  if (teamId === undefined || members.some((m) => m?.workspace.teamId !== teamId)) {
    return failure('user_not_found');
  }
  return { ok: true, channel: { id: state.workspaces.conversationWith(teamId, userIds) } };
}
