// The staff dashboard's charts (Chart.js, served by the bot): drawn from the JSON API's data, one per
// canvas #chart-<name>; the figures stay readable with Chart.getChart(canvas).data.
(() => {
  /** Longer periods are drawn per month (as the printable view does). */
  const DAILY_MAX_DAYS = 62;
  const TOP_TOPICS = 10;
  const COLORS = ['#0b4f9c', '#d9480f', '#2b8a3e', '#862e9c', '#e67700', '#1098ad', '#c2255c'];
  const OUTCOME_COLORS = ['#2b8a3e', '#e67700', '#c92a2a', '#868e96'];
  const charts = new Map();

  /** One chart per canvas: drawn again from scratch when the period changes. */
  function draw(name, config, height) {
    const canvas = document.getElementById(`chart-${name}`);
    charts.get(name)?.destroy();
    if (height) document.getElementById(`box-${name}`).style.height = `${height}px`;
    config.options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: config.type !== 'bar' || config.data.datasets.length > 1 } },
      ...config.options,
    };
    charts.set(name, new window.Chart(canvas, config));
  }

  const countAxis = { beginAtZero: true, ticks: { precision: 0 } };

  /** Long topic titles are cut on a narrow screen (the tooltip still shows them whole). */
  function shortLabel(value) {
    const label = String(this.getLabelForValue(value));
    const max = window.innerWidth < 640 ? 18 : 48;
    return label.length > max ? `${label.slice(0, max - 1)}…` : label;
  }
  const series = (label, data, color) => ({ label, data, backgroundColor: color, borderColor: color });

  function drawCharts(data) {
    const r = data.report;
    const w = data.words;
    const daily = r.daily.length <= DAILY_MAX_DAYS;
    const rows = daily ? r.daily : r.monthly;
    document.getElementById('title-activity').textContent = daily
      ? w['chart-activity-day']
      : w['chart-activity-month'];
    draw('activity', {
      type: 'line',
      data: {
        labels: rows.map((x) => (daily ? x.date : x.month)),
        datasets: [
          {
            ...series(
              w['series-messages'],
              rows.map((x) => x.messages),
              COLORS[0],
            ),
            tension: 0.2,
          },
          {
            ...series(
              w['series-residents'],
              rows.map((x) => x.residents),
              COLORS[1],
            ),
            tension: 0.2,
          },
        ],
      },
      options: { scales: { y: countAxis } },
    });
    const topics = r.topics.slice(0, TOP_TOPICS);
    draw(
      'topics',
      {
        type: 'bar',
        data: {
          labels: topics.map((x) => data.names.topics[x.topic] ?? x.topic),
          datasets: [
            series(
              w['series-answers'],
              topics.map((x) => x.count),
              COLORS[0],
            ),
          ],
        },
        options: { indexAxis: 'y', scales: { x: countAxis, y: { ticks: { callback: shortLabel } } } },
      },
      Math.max(160, 36 * topics.length + 60),
    );
    const channels = Object.keys(r.messages.byChannel);
    draw('channels', {
      type: 'bar',
      data: {
        labels: channels.map((c) => data.names.channels[c] ?? c),
        datasets: [
          series(
            w['series-messages'],
            channels.map((c) => r.messages.byChannel[c]),
            COLORS[0],
          ),
          series(
            w['series-residents'],
            channels.map((c) => r.residents.byChannel[c]),
            COLORS[1],
          ),
        ],
      },
      options: { scales: { y: countAxis } },
    });
    const villages = Object.keys(r.residents.byVillage);
    draw('villages', {
      type: 'bar',
      data: {
        labels: villages.map((v) => data.names.villages[v] ?? v),
        datasets: [
          series(
            w['series-residents'],
            villages.map((v) => r.residents.byVillage[v]),
            COLORS[2],
          ),
        ],
      },
      options: { scales: { y: countAxis } },
    });
    const q = r.questions;
    draw('questions', {
      type: 'doughnut',
      data: {
        labels: [w.answered, w.clarified, w.unanswered, w['out-of-scope']],
        datasets: [
          { data: [q.answered, q.clarified, q.unanswered, q.outOfScope], backgroundColor: OUTCOME_COLORS },
        ],
      },
    });
    draw('feedback', {
      type: 'doughnut',
      data: {
        labels: [w['feedback-up'], w['feedback-down']],
        datasets: [{ data: [r.feedback.up, r.feedback.down], backgroundColor: ['#2b8a3e', '#c92a2a'] }],
      },
    });
  }

  window.dashboardCharts = { draw: drawCharts };
})();
