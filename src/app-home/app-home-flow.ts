import type { Flow } from '../flow';
import type { Services } from '../services';
import { registerHomeEvents } from './home-events';

/** App Home: each user's Cocoom home inside Slack. */
export function appHomeFlow(services: Services): Flow {
  return {
    register: (bolt) => registerHomeEvents(bolt, services.config.defaultLocale),
  };
}
