import type { App } from '@slack/bolt';
import type { Router } from 'express';

import type { OpenApiPart } from './internal-api/openapi';

/**
 * One product flow (installing, signing in, App Home, notifying) as the app wires it: its
 * browser routes, its part of the internal API, its Bolt listeners and its background work.
 */
export interface Flow {
  /** Routes for browsers and Slack redirects, served beside Slack's events endpoint. */
  routes?: Router;
  /** Routes under `/internal` (behind the bearer token) and their OpenAPI description. */
  internal?: { routes: Router; openapi: OpenApiPart };
  /** Registers Bolt listeners (events, actions). */
  register?(bolt: App): void;
  /** Starts background work once the server listens. */
  start?(): Promise<void>;
  /** Stops background work, letting what is in flight finish. */
  stop?(): Promise<void>;
}
