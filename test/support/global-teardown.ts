/** Stops the FerretDB that the global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  globalThis.__FERRETDB__?.kill('SIGTERM');
}
