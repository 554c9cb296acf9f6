// Messages the bot sends later (a staff member's reply, a postal request's new status). The web chat
// cannot push, so the page asks: while the server says to keep asking (every few seconds, only while
// the tab is visible), and once when the page opens or comes back into view. Loaded before chat.js,
// which renders what comes back. Vanilla JS, no dependencies, no build step.
(() => {
  // Relative, like the messages' address, so the chat also works under a path prefix.
  const UPDATES_URL = 'api/web/updates';
  const INTERVAL_MS = 4000;
  const MAX_INTERVAL_MS = 60000;
  const REQUEST_TIMEOUT_MS = 25000;

  // Retry-After in ms (seconds or an HTTP date), 0 when absent or unreadable.
  function retryAfterMs(value) {
    if (value && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
    if (value && !Number.isNaN(Date.parse(value))) return Math.max(0, Date.parse(value) - Date.now());
    return 0;
  }

  // options: { header: the token header's name, token(): the visitor token or '', onReplies(data) }
  function create(options) {
    let polling = false; // the server said to keep asking
    let timer = 0;
    let inFlight = false;
    let askAgain = false; // asked for while a request was in flight
    let delay = INTERVAL_MS;

    const visible = () => document.visibilityState !== 'hidden';

    function schedule(ms) {
      clearTimeout(timer);
      timer = 0;
      if (polling && visible()) timer = setTimeout(check, ms);
    }

    // One request; a page without a visitor (no token yet) never asks.
    async function request(token) {
      const controller = typeof AbortController === 'function' ? new AbortController() : null;
      const abort = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : 0;
      try {
        const res = await fetch(UPDATES_URL, {
          method: 'GET',
          // The same credentials as a message: the cookie when the browser keeps it, else the token.
          credentials: 'include',
          cache: 'no-store',
          headers: { Accept: 'application/json', [options.header]: token },
          signal: controller ? controller.signal : undefined,
        });
        const data = res.ok ? await res.json().catch(() => null) : null;
        if (data && typeof data === 'object' && Array.isArray(data.replies)) return { data, waitMs: 0 };
        return { data: null, waitMs: retryAfterMs(res.headers.get('Retry-After')) };
      } finally {
        clearTimeout(abort);
      }
    }

    async function check() {
      clearTimeout(timer);
      timer = 0;
      const token = options.token();
      if (!token) return;
      if (inFlight) {
        askAgain = true;
        return;
      }
      inFlight = true;
      let waitMs = 0;
      try {
        const answer = await request(token);
        if (answer.data) {
          polling = answer.data.poll === true;
          delay = INTERVAL_MS;
          if (answer.data.replies.length > 0) options.onReplies(answer.data);
        } else {
          // An error, 429 or 503: ask less often, and not before the server's Retry-After.
          delay = Math.min(MAX_INTERVAL_MS, delay * 2);
          waitMs = answer.waitMs;
        }
      } catch {
        delay = Math.min(MAX_INTERVAL_MS, delay * 2);
      } finally {
        inFlight = false;
      }
      if (askAgain) {
        askAgain = false;
        check();
      } else {
        schedule(Math.min(MAX_INTERVAL_MS, Math.max(delay, waitMs)));
      }
    }

    // A hidden tab does not ask; coming back into view asks at once (a notice may be waiting).
    document.addEventListener('visibilitychange', () => {
      if (visible()) {
        check();
        return;
      }
      clearTimeout(timer);
      timer = 0;
    });

    return {
      // Asks once now (the page opened with a known visitor).
      check,
      // After each answer to a message: {poll: true} starts asking, {poll: false} stops.
      afterReply(data) {
        if (!data || typeof data.poll !== 'boolean') return;
        polling = data.poll;
        delay = INTERVAL_MS;
        // A request in flight may carry an older answer: ask again right after it.
        if (inFlight) askAgain = data.poll;
        else schedule(delay);
      },
    };
  }

  window.dvcUpdates = { create };
})();
