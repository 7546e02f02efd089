/**
 * The closed list of error codes the app raises. Tests assert on these codes, never on
 * message text; the README documents each one.
 */
export const ERROR_CODES = [
  'config_invalid',
  'installation_not_found',
  'installation_invalid',
  'token_decryption_failed',
  'token_refresh_failed',
  'install_state_invalid',
  'sign_in_failed',
  // The internal API's answers (`{ code, message }`):
  'unauthorized',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_json',
  'validation_failed',
  'not_found',
  'internal_error',
  'sign_in_code_invalid',
  'identity_link_not_found',
  // Notifying (`POST /internal/notify`):
  'workspace_not_installed',
  'idempotency_key_invalid',
  'idempotency_key_reused',
  'idempotency_key_in_use',
] as const;

/** One of the app's error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class of every error the app raises on purpose. */
export class CocoomError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The environment does not describe a runnable app; `problems` lists every variable at fault. */
export class ConfigError extends CocoomError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('config_invalid', `Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

/** No installation serves the workspace, organization or user asked for. */
export class InstallationNotFoundError extends CocoomError {
  constructor(message: string) {
    super('installation_not_found', message);
  }
}

/** Slack handed us an installation we cannot store (no team and no enterprise, say). */
export class InstallationInvalidError extends CocoomError {
  constructor(message: string) {
    super('installation_invalid', message);
  }
}

/** A stored token could not be decrypted: unknown key id, or tampered ciphertext. */
export class TokenDecryptionError extends CocoomError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('token_decryption_failed', message, options);
  }
}

/** Slack refused to rotate a token, or the rotation did not finish in time. */
export class TokenRefreshError extends CocoomError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('token_refresh_failed', message, options);
  }
}

/** The install callback's state is missing, unknown, expired or already used. */
export class InstallStateError extends CocoomError {
  constructor(message: string) {
    super('install_state_invalid', message);
  }
}

/** A field a request got wrong: where (a JSON pointer) and what (a code). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A refusal on the internal API: an HTTP status and a `{ code, message, errors? }` body. */
export class ApiError extends CocoomError {
  readonly status: number;
  readonly errors?: FieldProblem[];

  constructor(status: number, code: ErrorCode, message: string, errors?: FieldProblem[]) {
    super(code, message);
    this.status = status;
    this.errors = errors;
  }
}
