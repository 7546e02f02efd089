import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../src/shared/clock';
import { checkInstall } from './authorize';
import { Failures } from './failures';
import { MessageRateLimits } from './rate-limits';
import { opaque, slackId } from './ids';
import { checkSignIn } from './openid';
import { route, type Router } from './server';
import { SigningKeys } from './signing-keys';
import type { StandInState } from './state';
import { Tokens } from './tokens';
import type * as T from './types';
import { Workspaces, type Reachable } from './workspaces';

export type * from './types';

/** Options of `startSlackStandIn`. */
export interface StandInOptions {
  /** Where the stand-in reads the time (expiry, timestamps); the system clock by default. */
  clock?: Clock;
}

function newState(now: () => number): StandInState {
  const clientId = `${Math.floor(Math.random() * 1e12)}.${Math.floor(Math.random() * 1e12)}`;
  return {
    app: { clientId, clientSecret: opaque(16), appId: slackId('A'), botName: 'bot' },
    now,
    workspaces: new Workspaces(),
    tokens: new Tokens(now),
    failures: new Failures(),
    codes: new Map(),
    messages: [],
    homeViews: new Map(),
    lastTs: 0,
    openid: { keys: new SigningKeys(), codes: new Map() },
  };
}

class StandIn implements T.SlackStandIn {
  readonly apiUrl: string;
  readonly authorizeUrl: string;
  readonly openIdAuthorizeUrl: string;

  constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly router: Router,
  ) {
    this.apiUrl = `${url}/api/`;
    this.authorizeUrl = `${url}/oauth/v2/authorize`;
    this.openIdAuthorizeUrl = `${url}/openid/connect/authorize`;
  }

  private get state(): StandInState {
    return this.router.state;
  }

  get calls(): T.RecordedCall[] {
    return this.router.calls;
  }

  get violations(): string[] {
    return this.router.violations;
  }

  get clientId(): string {
    return this.state.app.clientId;
  }

  get clientSecret(): string {
    return this.state.app.clientSecret;
  }

  get appId(): string {
    return this.state.app.appId;
  }

  get defaultRedirectUri(): string | undefined {
    return this.state.app.defaultRedirectUri;
  }

  set defaultRedirectUri(uri: string | undefined) {
    this.state.app.defaultRedirectUri = uri;
  }

  callsTo(method: string): T.RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  postedMessages(): T.PostedMessage[] {
    return [...this.state.messages];
  }

  homeView(teamId: string, userId: string): T.ShownHome | undefined {
    const published = this.state.homeViews.get(`${teamId}/${userId}`);
    return published && { ...published };
  }

  configureApp(app: Partial<T.StandInApp>): void {
    Object.assign(this.state.app, app);
  }

  addWorkspace(workspace: T.StandInWorkspace): void {
    this.state.workspaces.add(workspace);
  }

  addChannel(teamId: string, channelId: string): void {
    this.state.workspaces.addChannel(teamId, channelId);
  }

  nextInstall(install: T.NextInstall): void {
    checkInstall(this.state.workspaces, install);
    this.state.nextInstall = { ...install };
  }

  nextSignIn(signIn: T.NextSignIn): void {
    checkSignIn(this.state, signIn);
    this.state.openid.nextSignIn = { ...signIn };
  }

  refuseNextSignIn(error: string): void {
    this.state.openid.signInError = error;
  }

  tamperNextIdToken(tamper: T.IdTokenTamper): void {
    this.state.openid.tamper = { ...tamper };
  }

  rotateSigningKey(): Promise<void> {
    return this.state.openid.keys.rotate();
  }

  limitMessages(limits: T.MessageLimits) {
    this.state.messageLimits = new MessageRateLimits(limits);
    return this.state.messageLimits.refused;
  }

  fail(method: string, rule: T.FailureRule): void {
    this.state.failures.add(method, rule);
  }

  clearFailures(): void {
    this.state.failures.clear();
    this.state.nextInstall = undefined;
    this.state.codes.clear();
  }

  issueToken(
    kind: 'bot' | 'user',
    teamId: string,
    userId: string,
    opts: T.IssueTokenOptions = {},
  ): { token: string; refreshToken?: string } {
    const { workspaces, tokens } = this.state;
    const owner: Reachable = opts.isEnterpriseInstall
      ? { enterpriseId: opts.enterpriseId, isEnterpriseInstall: true }
      : {
          teamId,
          enterpriseId: opts.enterpriseId ?? workspaces.get(teamId)?.enterpriseId,
          isEnterpriseInstall: false,
        };
    const teams = workspaces.reach(owner);
    if (teams.length === 0) throw new RangeError(`issueToken: unknown workspace or org`);
    if (kind === 'user' && !workspaces.findUser(teams, userId)) {
      throw new RangeError(`issueToken: user ${userId} is not in that workspace or org`);
    }

    const botId = kind === 'bot' ? tokens.botOf(owner, userId).botId : undefined;
    const scopes = opts.scopes ?? [];
    const issued = tokens.issue({ ...owner, kind, userId, botId, scopes }, opts.expiresInSeconds);
    return { token: issued.record.token, refreshToken: issued.refreshToken };
  }

  revokeToken(token: string): void {
    this.state.tokens.revoke(token);
  }

  respondTo(method: string, responder: T.Responder): void {
    this.router.responders.set(method, responder);
  }

  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.state.messages.length = 0;
    this.state.failures.clear();
    this.state.nextInstall = undefined;
    this.state.codes.clear();
    this.forgetSignIns();
  }

  private forgetSignIns(): void {
    const { openid } = this.state;
    openid.nextSignIn = undefined;
    openid.signInError = undefined;
    openid.tamper = undefined;
    openid.codes.clear();
  }

  close(): Promise<void> {
    this.router.closing.abort();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}

/** Starts a Slack stand-in on 127.0.0.1 at a free port. */
export async function startSlackStandIn(options: StandInOptions = {}): Promise<T.SlackStandIn> {
  const { clock } = options;
  const now = clock ? () => clock.now().getTime() : () => Date.now();
  const router: Router = {
    state: newState(now),
    calls: [],
    violations: [],
    responders: new Map(),
    closing: new AbortController(),
  };
  const server = createServer((req, res) => {
    route(router, req, res).catch((error: unknown) => {
      router.violations.push(`stand-in failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // listen() on a TCP port always yields an AddressInfo, never a pipe name.
  const { port } = server.address() as AddressInfo;
  return new StandIn(server, `http://127.0.0.1:${port}`, router);
}
