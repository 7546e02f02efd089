import type { StandInWorkspace } from '../test/support/slack-stand-in';
import type { TestApp } from '../test/support/test-app';

async function redirectOf(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const answer = await fetch(url, { redirect: 'manual', headers });
  if (answer.status !== 302 && answer.status !== 200)
    throw new Error(`${url} answered ${answer.status}`);
  return answer;
}

/** Installs the app in `workspace` through the OAuth flow, as a browser would (no jest needed). */
export async function installForBench(testApp: TestApp, workspace: StandInWorkspace) {
  testApp.standIn.addWorkspace(workspace);
  testApp.standIn.nextInstall({ teamId: workspace.teamId, userId: workspace.users[0]?.id ?? '' });
  const start = await redirectOf(`${testApp.url}/slack/install`);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = await redirectOf(start.headers.get('location') ?? '');
  const done = await redirectOf(authorize.headers.get('location') ?? '', { cookie });
  if (done.status !== 200) throw new Error(`install answered ${done.status}`);
}
