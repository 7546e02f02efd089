/**
 * The `action_id`s of the Home's interactive elements. URL buttons share the `home.link.`
 * prefix: Slack still sends an action when one is clicked, and it only needs acknowledging.
 */
export const HOME_ACTIONS = {
  categories: 'home.preferences.categories',
  quietStart: 'home.preferences.quiet_start',
  quietEnd: 'home.preferences.quiet_end',
  quietClear: 'home.preferences.quiet_clear',
  digest: 'home.preferences.digest',
  connect: 'home.link.connect',
  openCocoom: 'home.link.open_cocoom',
  openNotification: 'home.link.notification',
} as const;

/** Matches the `action_id` of every URL button of the Home. */
export const HOME_LINK_ACTIONS = /^home\.link\./;
