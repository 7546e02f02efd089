/** What Slack answered to a failed Web API call, in the words an operator can look up. */
export interface SlackAnswer {
  /** Slack's error code (`invalid_blocks`), or the client's when Slack gave none. */
  error: string;
  /** Slack's detailed messages, such as which block broke which limit. */
  messages?: string[];
  /** The HTTP status, when the call failed at the HTTP level. */
  status?: number;
}

interface WebApiFailure {
  code?: string;
  message?: string;
  statusCode?: number;
  data?: { error?: string; response_metadata?: { messages?: string[] } };
}

/**
 * Slack's answer carried by an error from `@slack/web-api` (platform errors hold the body,
 * HTTP errors the status), or the error's own code and message otherwise.
 */
export function slackAnswerOf(error: unknown): SlackAnswer {
  const failure: WebApiFailure = typeof error === 'object' && error !== null ? error : {};
  const messages = failure.data?.response_metadata?.messages;
  return {
    error: failure.data?.error ?? failure.code ?? failure.message ?? String(error),
    ...(messages === undefined ? {} : { messages }),
    ...(failure.statusCode === undefined ? {} : { status: failure.statusCode }),
  };
}
