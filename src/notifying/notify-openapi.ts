import type { OpenApiPart } from '../internal-api/openapi';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency';
import { NOTIFY_REQUEST_SCHEMA } from './notification-schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => ({ description, ...json('Error') });

const states = ['queued', 'deferred', 'sent', 'failed', 'skipped'];

const notificationStatusSchema = {
  type: 'object',
  required: ['id', 'category', 'acceptedAt', 'counts', 'recipients'],
  properties: {
    id: { type: 'string' },
    category: { type: 'string' },
    acceptedAt: { type: 'string', format: 'date-time' },
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
    recipients: {
      type: 'array',
      items: {
        type: 'object',
        required: ['recipient', 'state', 'attempts'],
        properties: {
          recipient: { type: 'object' },
          state: { enum: states },
          reason: { type: 'string', description: 'Why it failed, was skipped or waits' },
          until: { type: 'string', format: 'date-time', description: 'When a deferral ends' },
          teamId: { type: 'string' },
          channel: { type: 'string', description: 'Where Slack posted it' },
          ts: { type: 'string', description: "The Slack message's timestamp" },
          sentAt: { type: 'string', format: 'date-time' },
          digest: { type: 'boolean', description: 'Sent inside a combined message' },
          attempts: { type: 'integer', description: 'Transient failures so far' },
        },
      },
    },
  },
};

/** The notifying flow's part of the internal API description. */
export const NOTIFY_OPENAPI: OpenApiPart = {
  schemas: {
    NotifyRequest: NOTIFY_REQUEST_SCHEMA,
    NotifyAccepted: {
      type: 'object',
      required: ['id', 'recipients'],
      properties: { id: { type: 'string' }, recipients: { type: 'integer' } },
    },
    NotificationStatus: notificationStatusSchema,
  },
  paths: {
    '/internal/notify': {
      post: {
        summary: 'Tell users or channels in Slack that something happened on Cocoom',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
            description: 'Kept 24 hours; the same key and body get the first answer again.',
          },
        ],
        requestBody: { required: true, ...json('NotifyRequest') },
        responses: {
          '202': { description: 'Stored; delivery follows', ...json('NotifyAccepted') },
          '400': error('Invalid JSON, body or Idempotency-Key; `errors` names each field'),
          '401': error('Missing or wrong bearer token'),
          '409': error('A request with this Idempotency-Key is still being accepted'),
          '413': error('The body is over 256 KiB'),
          '415': error('The body is not application/json'),
          '422': error('The key was used with another body, or a workspace is not installed'),
        },
      },
    },
    '/internal/notifications/{id}': {
      get: {
        summary: "Each recipient's delivery state",
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The notification', ...json('NotificationStatus') },
          '401': error('Missing or wrong bearer token'),
          '404': error('No such notification'),
        },
      },
    },
  },
};
