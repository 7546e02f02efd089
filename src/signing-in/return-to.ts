import { SignInError } from './sign-in-error';

/** The longest `return_to` kept: a deep link, not a payload. */
const MAX_RETURN_TO = 2048;

/** The platform's own anti-forgery value: opaque, URL-safe, and short. */
const PLATFORM_STATE = /^[A-Za-z0-9._~-]{1,256}$/;

/**
 * The platform's `platform_state`, echoed back on the hand-off so the platform can check that the
 * browser completing a sign-in is the one that started it (no login forgery).
 */
export function checkPlatformState(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && PLATFORM_STATE.test(value)) return value;
  throw new SignInError('return_to_invalid', 'platform_state is not 1 to 256 URL-safe characters');
}

/**
 * Where to send the user once signed in: `returnTo` resolved against the platform's URL, and
 * refused unless it stays on the platform's own origin, so the login route is no open redirect.
 * A path such as `/courses/12` is taken on the platform; nothing at all means its home page.
 */
export function checkReturnTo(returnTo: unknown, platformUrl: string): string {
  if (returnTo === undefined || returnTo === '') return `${platformUrl}/`;
  if (typeof returnTo !== 'string') {
    throw new SignInError('return_to_invalid', 'return_to is given more than once');
  }

  if (returnTo.length > MAX_RETURN_TO) {
    throw new SignInError('return_to_invalid', `return_to is over ${MAX_RETURN_TO} characters`);
  }

  const resolved = URL.canParse(returnTo, platformUrl) ? new URL(returnTo, platformUrl) : null;
  if (resolved === null || resolved.origin !== new URL(platformUrl).origin) {
    throw new SignInError('return_to_invalid', 'return_to leaves the platform origin');
  }
  // `https://evil.example@platform/` stays on the platform but reads as another site.
  if (resolved.username || resolved.password) {
    throw new SignInError('return_to_invalid', 'return_to carries credentials');
  }
  return resolved.href;
}
