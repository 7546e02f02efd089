import { randomBytes } from 'node:crypto';

/** Who clicked, where. */
export interface ActionOrigin {
  teamId: string;
  userId: string;
}

/** The Home view clicked in: its id and the hash Slack gave it when it was published. */
export interface ClickedView {
  id: string;
  hash: string;
}

/**
 * A `block_actions` payload as Slack sends it for a click in a Home view
 * (https://api.slack.com/reference/interaction-payloads/block-actions).
 */
export function homeBlockActions(
  origin: ActionOrigin,
  action: Record<string, unknown>,
  clicked?: ClickedView,
) {
  const viewId = clicked?.id ?? `V${randomBytes(4).toString('hex').toUpperCase()}`;
  const hash = clicked === undefined ? {} : { hash: clicked.hash };
  return {
    type: 'block_actions',
    user: {
      id: origin.userId,
      username: origin.userId.toLowerCase(),
      name: origin.userId.toLowerCase(),
      team_id: origin.teamId,
    },
    api_app_id: 'A0COCOOM',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: viewId },
    trigger_id: `${Date.now()}.${randomBytes(4).toString('hex')}`,
    team: { id: origin.teamId, domain: 'acme' },
    enterprise: null,
    is_enterprise_install: false,
    view: {
      id: viewId,
      team_id: origin.teamId,
      type: 'home',
      blocks: [],
      state: { values: {} },
      ...hash,
    },
    actions: [{ block_id: 'b1', action_ts: `${Math.floor(Date.now() / 1000)}.000200`, ...action }],
  };
}
