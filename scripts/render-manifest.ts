import { renderManifest } from '../src/installing/manifest';

/** Prints the Slack app manifest for the base URL given as the first argument. */
function main(argv: string[]): number {
  const baseUrl = argv[0];
  if (!baseUrl || !/^https?:\/\/[^\s/?#]+\/?$/.test(baseUrl)) {
    process.stderr.write('Usage: npm run --silent manifest -- https://<tenant>.cocoom.com\n');
    return 2;
  }
  process.stdout.write(`${JSON.stringify(renderManifest(baseUrl), null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
