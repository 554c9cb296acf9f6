/**
 * Content-Security-Policy for the chat page: only our own scripts and styles (no inline code, no
 * assets from the internet), and framing only by the sites allowed to embed the widget.
 */
export function securityHeaders(allowedOrigins: readonly string[]): Record<string, string> {
  const ancestors = ["'self'", ...allowedOrigins].join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
