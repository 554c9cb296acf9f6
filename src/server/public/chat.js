// Browser side of the "Trợ lý DVC" web chat. Vanilla JS, no dependencies, no build step.
// Server text is only ever rendered with textContent / createElement (never as HTML).
(() => {
  // Relative so it also works when the bot is served under a path prefix.
  const API_URL = 'api/web/messages';
  const REQUEST_TIMEOUT_MS = 25000;
  const MAX_COOLDOWN_SECONDS = 3600;
  const DEFAULT_COOLDOWN_SECONDS = 30;

  // The page's own words, in the language the bot last answered in (a resident may choose English).
  const UI = {
    vi: {
      title: 'Trợ lý thủ tục hành chính',
      subtitle: 'Hỏi về giấy tờ, thủ tục ở xã',
      embedTitle: 'Hỏi đáp thủ tục',
      close: 'Đóng',
      closeLabel: 'Đóng khung hỏi đáp',
      log: 'Cuộc trò chuyện',
      inputLabel: 'Câu hỏi của bà con',
      placeholder: 'Nhập câu hỏi, ví dụ: làm giấy khai sinh',
      send: 'Gửi',
      typing: 'đang trả lời…',
      network: 'Mạng đang chập chờn, bà con thử gửi lại nhé.',
      serverBusy: 'Hệ thống đang bận, bà con thử lại sau ít phút nhé.',
      waitABit: 'Bà con chờ một chút rồi gửi lại nhé.',
      buttonsGroup: 'Chọn một mục',
    },
    en: {
      title: 'Public services assistant',
      subtitle: 'Ask about papers and procedures at the commune',
      embedTitle: 'Ask about procedures',
      close: 'Close',
      closeLabel: 'Close the chat',
      log: 'Conversation',
      inputLabel: 'Your question',
      placeholder: 'Type a question, e.g. birth registration',
      send: 'Send',
      typing: 'typing…',
      network: 'The connection is unstable, please send again.',
      serverBusy: 'The system is busy, please try again in a few minutes.',
      waitABit: 'Please wait a moment, then send again.',
      buttonsGroup: 'Choose one',
    },
  };
  let TEXT = UI.vi;

  const log = document.getElementById('log');
  const status = document.getElementById('status');
  const form = document.getElementById('composer');
  const input = document.getElementById('input');
  const sendButton = document.getElementById('send');

  const params = new URLSearchParams(window.location.search);
  // The signed visitor token, sent with every message: inside an iframe on another site the browser
  // may not send the visitor cookie (third-party), so the page remembers who it is itself.
  const TOKEN_HEADER = 'X-Visitor-Token';
  const TOKEN_KEY = 'dvc-visitor-token';
  const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}\.\d{1,12}\.[A-Za-z0-9_-]{1,64}$/;
  let visitorToken = readStoredToken();
  let busy = false; // a request is in flight
  let coolingDown = false; // after a 429, until Retry-After has passed
  let cooldownTimer = 0;

  // ---- Rendering -----------------------------------------------------------

  const URL_PATTERN = /https?:\/\/[^\s<>"']+/gi;
  const TRAILING_PUNCTUATION = /[.,;:!?)\]}»]+$/;

  // Appends text to el, turning http(s) links into <a> elements. No HTML parsing involved.
  function appendLinkified(el, text) {
    let last = 0;
    URL_PATTERN.lastIndex = 0;
    let match = URL_PATTERN.exec(text);
    while (match) {
      const url = match[0].replace(TRAILING_PUNCTUATION, '');
      const start = match.index;
      if (start > last) el.appendChild(document.createTextNode(text.slice(last, start)));
      el.appendChild(makeLink(url));
      last = start + url.length;
      URL_PATTERN.lastIndex = last;
      match = URL_PATTERN.exec(text);
    }
    if (last < text.length) el.appendChild(document.createTextNode(text.slice(last)));
  }

  function makeLink(url) {
    if (!/^https?:\/\//i.test(url)) return document.createTextNode(url);
    const a = document.createElement('a');
    a.href = url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.textContent = url;
    return a;
  }

  function addMessage(who, text) {
    const el = document.createElement('div');
    el.className = `msg ${who}`;
    if (who === 'bot') appendLinkified(el, text);
    else el.textContent = text;
    log.appendChild(el);
    return el;
  }

  // A bot line produced by the page itself (network or server errors).
  function addNotice(text) {
    const el = addMessage('bot', text);
    el.classList.add('error');
    scrollToShow(el);
    return el;
  }

  function addButtons(rows) {
    const box = document.createElement('div');
    box.className = 'reply-buttons';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', TEXT.buttonsGroup);
    for (const row of rows) {
      const rowEl = document.createElement('div');
      rowEl.className = 'button-row';
      for (const b of row) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'reply-button';
        button.dataset.payload = b.payload;
        button.textContent = b.label;
        rowEl.appendChild(button);
      }
      box.appendChild(rowEl);
    }
    log.appendChild(box);
    return box;
  }

  // Links the bot offers (a calendar file on this server, the bot on Zalo or Telegram).
  function normalizeLinks(links) {
    if (!Array.isArray(links)) return [];
    return links.filter(
      (l) =>
        l &&
        typeof l.label === 'string' &&
        l.label &&
        typeof l.url === 'string' &&
        (/^https?:\/\//i.test(l.url) || /^\/[^/\\]/.test(l.url)),
    );
  }

  function addLinks(links) {
    const box = document.createElement('div');
    box.className = 'reply-links';
    for (const l of links) {
      const a = document.createElement('a');
      a.className = 'reply-link';
      // A path is on the chat's own server, resolved like the API's address (the chat may sit under a path).
      a.href = l.url.startsWith('/') ? new URL(l.url.slice(1), window.location.href).href : l.url;
      a.rel = 'noopener noreferrer';
      if (l.url.startsWith('/')) a.setAttribute('download', '');
      else a.target = '_blank';
      a.textContent = l.label;
      box.appendChild(a);
    }
    log.appendChild(box);
    return box;
  }

  // Keeps only well-formed buttons; tolerates a flat list instead of rows.
  function normalizeRows(buttons) {
    if (!Array.isArray(buttons)) return [];
    return buttons
      .map((row) => (Array.isArray(row) ? row : [row]))
      .map((row) =>
        row.filter((b) => b && typeof b.label === 'string' && b.label && typeof b.payload === 'string'),
      )
      .filter((row) => row.length > 0);
  }

  function renderReplies(replies) {
    let first = null;
    for (const reply of replies) {
      if (!reply || typeof reply !== 'object') continue;
      let el = null;
      if (typeof reply.text === 'string' && reply.text) el = addMessage('bot', reply.text);
      const links = normalizeLinks(reply.links);
      if (links.length > 0) {
        const box = addLinks(links);
        el = el || box;
      }
      const rows = normalizeRows(reply.buttons);
      if (rows.length > 0) {
        const box = addButtons(rows);
        el = el || box;
      }
      first = first || el;
    }
    if (first) scrollToShow(first);
  }

  // Scrolls so the start of el is visible (long replies are read from the top).
  function scrollToShow(el) {
    log.scrollTop = Math.max(0, el.offsetTop - 12);
  }

  function scrollToBottom() {
    log.scrollTop = log.scrollHeight;
  }

  // ---- State ----------------------------------------------------------------

  function setBusy(value) {
    busy = value;
    log.setAttribute('aria-busy', value ? 'true' : 'false');
    status.textContent = value ? TEXT.typing : '';
  }

  function updateSendButton() {
    if (coolingDown && document.activeElement === sendButton) input.focus();
    sendButton.disabled = coolingDown;
  }

  function startCooldown(seconds) {
    coolingDown = true;
    updateSendButton();
    clearTimeout(cooldownTimer);
    cooldownTimer = setTimeout(() => {
      coolingDown = false;
      updateSendButton();
      if (!busy) status.textContent = '';
    }, seconds * 1000);
  }

  // Retry-After is either a number of seconds or an HTTP date.
  function parseRetryAfter(value) {
    let seconds = DEFAULT_COOLDOWN_SECONDS;
    if (value && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
      seconds = Number(value);
    } else if (value && !Number.isNaN(Date.parse(value))) {
      seconds = (Date.parse(value) - Date.now()) / 1000;
    }
    return Math.min(MAX_COOLDOWN_SECONDS, Math.max(1, Math.ceil(seconds)));
  }

  // Puts a failed typed message back into the box so the resident can resend it.
  function restoreInput(text) {
    if (text && !input.value) {
      input.value = text;
      fitInput();
    }
  }

  // Grows the text box with its content (up to the CSS max-height).
  function fitInput() {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 4}px`; // + borders (box-sizing: border-box)
  }

  // ---- Visitor token ----------------------------------------------------------

  // localStorage may be missing or refused (blocked storage in a third-party frame): memory only then.
  function readStoredToken() {
    try {
      const token = window.localStorage.getItem(TOKEN_KEY);
      return token && TOKEN_PATTERN.test(token) ? token : '';
    } catch {
      return '';
    }
  }

  function keepToken(token) {
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token) || token === visitorToken) return;
    visitorToken = token;
    try {
      window.localStorage.setItem(TOKEN_KEY, token);
    } catch {
      // memory only
    }
  }

  // ---- Network --------------------------------------------------------------

  // Resolves with { status, headers, data } or rejects on network failure / timeout.
  async function postToServer(body) {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : 0;
    try {
      const res = await fetch(API_URL, {
        method: 'POST',
        credentials: 'include',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(visitorToken ? { [TOKEN_HEADER]: visitorToken } : {}),
        },
        body: JSON.stringify(body),
        signal: controller ? controller.signal : undefined,
      });
      const raw = await res.text();
      let data = null;
      try {
        data = raw ? JSON.parse(raw) : null;
      } catch {
        data = null;
      }
      keepToken(res.headers.get(TOKEN_HEADER) || data?.visitor);
      return { status: res.status, headers: res.headers, data };
    } finally {
      clearTimeout(timer);
    }
  }

  function applyLocale(locale) {
    const ui = UI[locale];
    if (!ui || ui === TEXT) return;
    TEXT = ui;
    document.documentElement.lang = locale;
    const set = (selector, text) => {
      const el = document.querySelector(selector);
      if (el) el.textContent = text;
    };
    set('#page-header h1', ui.title);
    set('#page-header p', ui.subtitle);
    set('.embed-title', ui.embedTitle);
    set('label[for="input"]', ui.inputLabel);
    const close = document.getElementById('close');
    if (close) {
      close.setAttribute('aria-label', ui.closeLabel);
      close.lastChild.textContent = ` ${ui.close}`;
    }
    log.setAttribute('aria-label', ui.log);
    input.placeholder = ui.placeholder;
    sendButton.textContent = ui.send;
  }

  function serverMessage(data) {
    return data && typeof data.message === 'string' && data.message ? data.message : TEXT.serverBusy;
  }

  // Sends one message; typedText is set when the resident typed it (restored on failure).
  async function send(body, typedText) {
    setBusy(true);
    try {
      const res = await postToServer(body);
      if (res.status >= 200 && res.status < 300) {
        if (res.data && typeof res.data.locale === 'string') applyLocale(res.data.locale);
        if (res.data && Array.isArray(res.data.replies)) renderReplies(res.data.replies);
        else addNotice(TEXT.serverBusy);
        if (updates) updates.afterReply(res.data);
        return;
      }
      addNotice(serverMessage(res.data));
      // 429 (too fast) and 503 (the bot's storage is briefly away) both say when to try again.
      if (res.status === 429 || res.status === 503)
        startCooldown(parseRetryAfter(res.headers.get('Retry-After')));
      restoreInput(typedText);
    } catch {
      addNotice(TEXT.network);
      restoreInput(typedText);
    } finally {
      setBusy(false);
    }
  }

  // Returns false (and explains) when a new message cannot be sent right now.
  function canSend() {
    if (coolingDown) {
      status.textContent = TEXT.waitABit;
      return false;
    }
    return !busy;
  }

  // ---- Messages sent later (updates.js) ----------------------------------------

  // Shown and announced (the log is a live region) exactly like the answers to a message.
  function showLater(data) {
    if (typeof data.locale === 'string') applyLocale(data.locale);
    renderReplies(data.replies);
  }

  // Absent when an old cached page did not load updates.js: the chat still works, without them.
  const updates = window.dvcUpdates
    ? window.dvcUpdates.create({ header: TOKEN_HEADER, token: () => visitorToken, onReplies: showLater })
    : null;

  // ---- Events ---------------------------------------------------------------

  function submitTyped() {
    const text = input.value.trim();
    if (!text || !canSend()) return;
    addMessage('me', text);
    scrollToBottom();
    input.value = '';
    fitInput();
    send({ text }, text);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!sendButton.disabled) submitTyped();
  });

  // Enter sends, Shift+Enter adds a new line; never while an input method is composing a word.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submitTyped();
  });

  input.addEventListener('input', fitInput);

  // One listener for all reply buttons, old and new.
  log.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button.reply-button') : null;
    if (!button || !canSend()) return;
    addMessage('me', button.textContent);
    scrollToBottom();
    send({ payload: button.dataset.payload || '' });
  });

  // ---- Embed mode (inside the widget iframe) ------------------------------------

  function setUpEmbed() {
    document.documentElement.classList.add('embed');
    document.getElementById('page-header').hidden = true;
    document.getElementById('embed-bar').hidden = false;
    const closeButton = document.getElementById('close');
    const inFrame = window.parent && window.parent !== window;
    if (!inFrame) {
      closeButton.hidden = true;
      return;
    }
    // The message carries no data, so any parent origin may receive it.
    const requestClose = () => window.parent.postMessage({ type: 'dvc-close' }, '*');
    closeButton.addEventListener('click', requestClose);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') requestClose();
    });
  }

  // ---- Start ----------------------------------------------------------------

  // "?thon=<id>" comes from a village QR poster; anything unexpected is ignored.
  function startPayload() {
    const thon = params.get('thon');
    return thon && /^[a-z0-9-]{1,40}$/.test(thon) ? `start:${thon}` : 'start';
  }

  if (params.get('embed') === '1') setUpEmbed();
  // A known visitor may have messages waiting (a staff reply, a postal notice): shown after the greeting.
  const knownVisitor = Boolean(visitorToken);
  send({ payload: startPayload() }).then(() => {
    if (knownVisitor && updates) updates.check();
  });
})();
