// Embed script for the "Trợ lý DVC" chat. A commune website adds:
//   <script src="https://BOT-HOST/widget.js" defer></script>
// and gets a "Hỏi đáp thủ tục" launcher (bottom-right) that opens the chat in an iframe.
// Optional: data-thon="<village-id>" on the script tag preselects a village.
(() => {
  const script = document.currentScript;
  const scriptSrc = script ? script.src : '';
  if (!scriptSrc || window.__dvcChatWidget) return;
  window.__dvcChatWidget = true;

  const chatUrl = new URL('./?embed=1', scriptSrc);
  const thon = script.getAttribute('data-thon');
  if (thon && /^[a-z0-9-]{1,40}$/.test(thon)) chatUrl.searchParams.set('thon', thon);

  const ID = 'dvc-chat-widget';
  // Non-ASCII text is escaped so it survives host pages that are not UTF-8.
  const LABEL = 'H\u1ecfi \u0111\u00e1p th\u1ee7 t\u1ee5c'; // "Hỏi đáp thủ tục"
  const FRAME_TITLE = 'Tr\u1ee3 l\u00fd th\u1ee7 t\u1ee5c h\u00e0nh ch\u00ednh'; // "Trợ lý thủ tục hành chính"
  const Z = 2147483000;

  // Class names are prefixed; `all: initial` shields the widget from the host page's CSS.
  const CSS = `
.${ID}-launcher {
  all: initial; box-sizing: border-box; position: fixed; z-index: ${Z};
  right: calc(16px + env(safe-area-inset-right, 0px)); bottom: calc(16px + env(safe-area-inset-bottom, 0px));
  display: inline-flex; align-items: center; gap: 10px; min-height: 60px; padding: 0 22px 0 16px;
  border: 2px solid #fff; border-radius: 999px; background: #0b4f9c; color: #fff; cursor: pointer;
  font: 700 18px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.35);
}
.${ID}-launcher:hover { background: #083b75; }
.${ID}-launcher:focus-visible { outline: 3px solid #111; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd400; }
.${ID}-launcher svg { width: 26px; height: 26px; flex: none; fill: currentColor; }
.${ID}-panel {
  all: initial; box-sizing: border-box; position: fixed; z-index: ${Z + 1}; display: none;
  right: 16px; bottom: 92px; width: 400px; max-width: calc(100vw - 32px);
  height: 640px; max-height: calc(100vh - 112px);
  border-radius: 14px; overflow: hidden; background: #fff; box-shadow: 0 8px 30px rgba(0, 0, 0, 0.35);
}
.${ID}-panel.${ID}-open { display: block; }
.${ID}-panel iframe { all: initial; display: block; width: 100%; height: 100%; border: 0; }
@media (max-width: 600px), (max-height: 560px) {
  .${ID}-panel {
    top: 0; right: 0; bottom: 0; left: 0; width: 100%; height: 100%;
    max-width: none; max-height: none; border-radius: 0;
  }
}
@media print { .${ID}-launcher, .${ID}-panel { display: none !important; } }
`;

  let launcher = null;
  let panel = null;
  let iframe = null;
  let isOpen = false;

  function chatIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
    svg.appendChild(path);
    return svg;
  }

  function open() {
    if (!iframe) {
      // Created on first open, so the chat (and its greeting) only loads when wanted.
      iframe = document.createElement('iframe');
      iframe.title = FRAME_TITLE;
      iframe.src = chatUrl.href;
      panel.appendChild(iframe);
    }
    isOpen = true;
    panel.classList.add(`${ID}-open`);
    launcher.setAttribute('aria-expanded', 'true');
    iframe.focus();
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    panel.classList.remove(`${ID}-open`);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  function build() {
    const style = document.createElement('style');
    style.id = `${ID}-style`;
    style.textContent = CSS;
    document.head.appendChild(style);

    panel = document.createElement('div');
    panel.id = `${ID}-panel`;
    panel.className = `${ID}-panel`;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', LABEL);

    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = `${ID}-launcher`;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', panel.id);
    launcher.appendChild(chatIcon());
    launcher.appendChild(document.createTextNode(LABEL));
    launcher.addEventListener('click', () => (isOpen ? close() : open()));

    document.body.appendChild(launcher);
    document.body.appendChild(panel);

    // Esc while focus is on the host page (inside the iframe, chat.js posts dvc-close instead).
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && isOpen) close();
    });

    // The close button in the iframe's title bar.
    window.addEventListener('message', (event) => {
      if (!iframe || event.source !== iframe.contentWindow || event.origin !== chatUrl.origin) return;
      if (event.data && event.data.type === 'dvc-close') close();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', build);
  else build();
})();
