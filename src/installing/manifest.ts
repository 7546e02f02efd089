import { BOT_SCOPES, SIGN_IN_SCOPES } from './slack-scopes';

/** The routes Slack calls, relative to the app's base URL. */
export const SLACK_ROUTES = {
  events: '/slack/events',
  install: '/slack/install',
  installCallback: '/slack/oauth_redirect',
  signInCallback: '/oidc',
} as const;

/** The events the app subscribes to; each one has a handler (a test checks both ways). */
export const BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked'];

const DESCRIPTION =
  'Cocoom micro-learning in Slack: sign in, your learning home and notifications.';

const LONG_DESCRIPTION = [
  "Cocoom brings your company's micro-learning platform into Slack.",
  'Sign in to your Cocoom platform with your Slack account, find your Cocoom home in the',
  "app's Home tab, and receive Cocoom news where you already work: new content, training",
  'reminders, quizzes and challenges, comments, mentions and achievements.',
  'Choose which notifications you receive and set quiet hours from the Home tab.',
  'Cocoom parle français and English: it follows the language of your Slack account.',
].join(' ');

/**
 * The Slack app manifest (https://api.slack.com/reference/manifests) for an app served at
 * `baseUrl`. `manifest.json` at the repository root is this for the example base URL.
 */
export function renderManifest(baseUrl: string) {
  const url = (path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Cocoom',
      description: DESCRIPTION,
      long_description: LONG_DESCRIPTION,
      background_color: '#175AE4',
    },
    features: {
      app_home: {
        home_tab_enabled: true,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: true,
      },
      bot_user: { display_name: 'Cocoom', always_online: true },
    },
    oauth_config: {
      redirect_urls: [url(SLACK_ROUTES.installCallback), url(SLACK_ROUTES.signInCallback)],
      scopes: { bot: BOT_SCOPES, user: SIGN_IN_SCOPES },
    },
    settings: {
      event_subscriptions: { request_url: url(SLACK_ROUTES.events), bot_events: BOT_EVENTS },
      interactivity: { is_enabled: true, request_url: url(SLACK_ROUTES.events) },
      org_deploy_enabled: true,
      socket_mode_enabled: false,
      token_rotation_enabled: true,
    },
  };
}

/** The base URL `manifest.json` at the repository root is rendered for. */
export const EXAMPLE_BASE_URL = 'https://example.cocoom.com';
