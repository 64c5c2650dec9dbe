// Draws the task scoreboard's chart (Chart.js, global from wwwroot/lib) from the JSON the page puts in
// <script id="scoreboard-data">: one horizontal stacked bar per lead unit, a colour per counter.
// Static SSR: runs on a full load and again after Blazor's enhanced navigation lands here.

const colors = { done_on_time: '#1f7a4d', done_late: '#e67e22', in_progress: '#1f4e8c', overdue: '#c0392b' };

function draw() {
  const host = document.getElementById('scoreboard-data');
  const canvas = document.getElementById('chart-scoreboard');
  if (!host || !canvas || typeof Chart === 'undefined') return;
  const data = JSON.parse(host.textContent);
  Chart.getChart(canvas)?.destroy();
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.units,
      datasets: data.series.map(s => ({ label: s.label, data: s.data, backgroundColor: colors[s.code] })),
    },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

draw();
window.Blazor?.addEventListener?.('enhancedload', draw);
