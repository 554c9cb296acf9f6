/** A login link as the bot sends it (PUBLIC_URL + path) → the path, to open on the test server's own address. */
export function linkPath(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
