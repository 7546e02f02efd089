/** A Slack account as a verified id_token describes it, keyed by (workspace, user). */
export interface SlackIdentity {
  teamId: string;
  userId: string;
  /** The Enterprise Grid organization, when the workspace belongs to one. */
  enterpriseId?: string;
  /** Verified by Slack (`email_verified`); unverified addresses never get this far. */
  email: string;
  name?: string;
  /** Slack locale such as `fr-FR`. */
  locale?: string;
  /** IANA time zone such as `Europe/Paris`, when Slack told it (`users.info`). */
  timeZone?: string;
}

/** `identity` without its absent fields, so MongoDB stores no nulls for them. */
export function definedFields(identity: SlackIdentity): SlackIdentity {
  const entries = Object.entries(identity).filter(
    ([, value]) => value !== undefined && value !== null,
  );
  return Object.fromEntries(entries) as unknown as SlackIdentity; // required fields are strings
}
