import type { Locale } from '../i18n';
import { CATEGORIES, type Category } from './categories';

/** The most recipients one `POST /internal/notify` may name. */
export const MAX_RECIPIENTS = 500;

/** The most link buttons one language's text may carry. */
export const MAX_BUTTONS = 5;

/** A link button under the message. */
export interface LinkButton {
  text: string;
  url: string;
}

/** A notification's text in one language. */
export interface LocalizedText {
  title: string;
  body: string;
  buttons?: LinkButton[];
}

/**
 * Whom to tell: exactly one of `email`, `slackUserId`, `cocoomUserId` or `channelId`. `teamId`
 * names the workspace; it is required with a Slack user or channel id and narrows the others.
 */
export interface Recipient {
  email?: string;
  slackUserId?: string;
  cocoomUserId?: string;
  channelId?: string;
  teamId?: string;
}

/** The body of `POST /internal/notify`, once validated. */
export interface NotifyRequest {
  category: Category;
  content: Partial<Record<Locale, LocalizedText>>;
  link?: string;
  recipients: Recipient[];
}

// Lengths are generous on purpose: the message builder fits any text within Slack's limits.
const url = { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 3000 };
const teamId = { type: 'string', pattern: '^T[A-Z0-9]{2,30}$' };
/** Text a person reads: at least one character that is neither white space nor invisible. */
const visible = (maxLength: number) => ({
  type: 'string',
  minLength: 1,
  maxLength,
  pattern: '[^\\s\\u200B-\\u200D\\u2060\\uFEFF]',
});

const localizedText = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body'],
  properties: {
    title: visible(2000),
    body: visible(100_000),
    buttons: {
      type: 'array',
      maxItems: MAX_BUTTONS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'url'],
        properties: { text: visible(300), url },
      },
    },
  },
};

/** The ways to name a recipient; a request names each recipient in exactly one of them. */
const IDENTITIES = ['email', 'slackUserId', 'cocoomUserId', 'channelId'];

const recipient = {
  type: 'object',
  additionalProperties: false,
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    slackUserId: { type: 'string', pattern: '^[UW][A-Z0-9]{2,30}$' },
    cocoomUserId: { type: 'string', minLength: 1, maxLength: 128 },
    channelId: { type: 'string', pattern: '^[CG][A-Z0-9]{2,30}$' },
    teamId,
  },
  // Exactly one way to name the recipient; a Slack user or channel id needs its workspace.
  oneOf: IDENTITIES.map((identity) => ({
    required: [identity],
    properties: { [identity]: true }, // the values are checked above
  })),
  dependencies: { slackUserId: ['teamId'], channelId: ['teamId'] },
};

/**
 * The JSON Schema of `POST /internal/notify`: the validator compiles this very object and the
 * OpenAPI description publishes it, so the two cannot drift apart.
 */
export const NOTIFY_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'content', 'recipients'],
  properties: {
    category: { type: 'string', enum: [...CATEGORIES] },
    content: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { fr: localizedText, en: localizedText },
      description: 'The text in French, English or both; each user reads their Slack language.',
    },
    link: {
      ...url,
      description: "Opens the Cocoom platform; must be on the platform's own origin.",
    },
    recipients: { type: 'array', minItems: 1, maxItems: MAX_RECIPIENTS, items: recipient },
  },
};
