// Browser side of the staff dashboard. Vanilla JS, no build step; the charts are in dashboard-charts.js.
// Every figure comes from /dashboard/api/report; text from residents and content is only ever put in
// with textContent (never as HTML).
(() => {
  const main = document.getElementById('dashboard');
  if (!main) return;
  const lang = main.dataset.lang === 'en' ? 'en' : 'vi';
  const numberFormat = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const percentFormat = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  });

  const form = document.getElementById('period');
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  const status = document.getElementById('status');
  let today = '';
  let latest = 0;

  const pad = (n) => String(n).padStart(2, '0');
  const lastDay = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthPeriod = (year, month) => ({
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
  });

  /** The quick periods, counted from the server's day in Vietnam. */
  function quickPeriod(which) {
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    if (which === 'last-month') return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    if (which === 'this-year') return { from: `${year}-01-01`, to: `${year}-12-31` };
    return monthPeriod(year, month);
  }

  function query(period) {
    const q = new URLSearchParams({ from: period.from, to: period.to });
    if (lang !== 'vi') q.set('lang', lang);
    return `?${q.toString()}`;
  }

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
    status.hidden = text === '';
  }

  function setCard(name, text) {
    const el = main.querySelector(`[data-card="${name}"]`);
    if (el) el.textContent = text;
  }

  function fillCards(data) {
    const r = data.report;
    setCard('residents', numberFormat.format(r.residents.unique));
    setCard('messages', numberFormat.format(r.messages.received));
    setCard('asked', numberFormat.format(r.questions.asked));
    setCard('answered', percentFormat.format(data.answeredShare));
    setCard(
      'satisfaction',
      data.satisfaction === null ? data.words['no-rating'] : percentFormat.format(data.satisfaction),
    );
    setCard('reminders', numberFormat.format(r.reminders.created));
    setCard('announcements', numberFormat.format(r.announcements.count));
    setCard('help', numberFormat.format(r.helpSessions.count));
  }

  /** A table body from rows of cells; a cell is text or a list of texts. */
  function fillTable(id, rows, columns, empty) {
    const body = document.querySelector(`#${id} tbody`);
    body.replaceChildren();
    if (rows.length === 0) {
      const td = document.createElement('td');
      td.colSpan = columns;
      td.textContent = empty;
      body.append(document.createElement('tr'));
      body.lastChild.append(td);
      return;
    }
    for (const cells of rows) {
      const tr = document.createElement('tr');
      for (const cell of cells) {
        const td = document.createElement('td');
        if (Array.isArray(cell)) {
          const list = document.createElement('ul');
          for (const item of cell) {
            const li = document.createElement('li');
            li.textContent = item;
            list.append(li);
          }
          td.append(list);
        } else {
          td.textContent = String(cell);
        }
        tr.append(td);
      }
      body.append(tr);
    }
  }

  function fillTables(data) {
    const empty = data.words.empty;
    const unanswered = data.unanswered.map((u) => [
      u.text,
      numberFormat.format(u.count),
      u.nearest.map((n) => n.title),
    ]);
    fillTable('table-unanswered', unanswered, 3, empty);
    const outside = data.report.outOfScope.map((x) => [x.text, numberFormat.format(x.count)]);
    fillTable('table-outside', outside, 2, empty);
  }

  function linkPeriod(period) {
    for (const a of main.querySelectorAll('a[data-href]')) a.href = `${a.dataset.href}${query(period)}`;
    history.replaceState(null, '', `/dashboard${query(period)}`);
  }

  async function load(period) {
    const ticket = ++latest;
    main.setAttribute('aria-busy', 'true');
    setStatus(status.dataset.loading, false);
    let response;
    try {
      response = await fetch(`/dashboard/api/report${query(period)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch {
      // the network failed: say so, and the page is no longer busy (a screen reader would wait on it)
      if (ticket === latest) {
        setStatus(status.dataset.failed, true);
        main.setAttribute('aria-busy', 'false');
      }
      return;
    }
    if (ticket !== latest) return;
    // The session ended or the role was taken away: the page itself then says how to log in again.
    if (response.status === 401) {
      location.reload();
      return;
    }
    const body = await response.json().catch(() => undefined);
    if (ticket !== latest) return;
    if (!response.ok || !body?.report) {
      setStatus(body?.message ?? status.dataset.failed, true);
      main.setAttribute('aria-busy', 'false');
      return;
    }
    today = body.today;
    const shown = { from: body.report.from, to: body.report.to };
    fromInput.value = shown.from;
    toInput.value = shown.to;
    fillCards(body);
    window.dashboardCharts.draw(body);
    fillTables(body);
    linkPeriod(shown);
    setStatus('', false);
    main.dataset.period = `${shown.from}..${shown.to}`;
    main.setAttribute('aria-busy', 'false');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load({ from: fromInput.value, to: toInput.value });
  });
  for (const button of form.querySelectorAll('[data-quick]')) {
    button.addEventListener('click', () => {
      if (today) load(quickPeriod(button.dataset.quick));
    });
  }

  const asked = new URLSearchParams(location.search);
  load({ from: asked.get('from') ?? fromInput.value, to: asked.get('to') ?? toInput.value });
})();
