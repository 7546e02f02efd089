import { SignInError } from './sign-in-error';

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

  const resolved = URL.canParse(returnTo, platformUrl) ? new URL(returnTo, platformUrl) : null;
  if (resolved === null || resolved.origin !== new URL(platformUrl).origin) {
    throw new SignInError('return_to_invalid', 'return_to leaves the platform origin');
  }
  return resolved.href;
}
