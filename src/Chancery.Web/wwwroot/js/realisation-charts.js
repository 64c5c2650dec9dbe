// Draws the realisation page's charts (Chart.js, the global Chart from wwwroot/lib) from the JSON the page
// puts in <script id="realisation-data">: pledged against realised USD by partner, by sector and over the years.
// Static SSR: this runs on a full page load, and again after Blazor's enhanced navigation lands here.

const pledgedColor = '#9fb6d9';
const realisedColor = '#1f4e8c';

function usd(value) {
  return new Intl.NumberFormat(document.documentElement.lang || undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

function chart(id, series, data, horizontal) {
  const canvas = document.getElementById(id);
  if (!canvas) return;
  Chart.getChart(canvas)?.destroy();
  const valueAxis = { beginAtZero: true, ticks: { callback: v => usd(v) } };
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: series.labels,
      datasets: [
        { label: data.pledgedLabel, data: series.pledged, backgroundColor: pledgedColor },
        { label: data.realisedLabel, data: series.realised, backgroundColor: realisedColor },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis } : { y: valueAxis },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: c => `${c.dataset.label}: ${new Intl.NumberFormat(document.documentElement.lang || undefined).format(c.raw)}` } },
      },
    },
  });
}

function draw() {
  const source = document.getElementById('realisation-data');
  if (!source) return;
  const data = JSON.parse(source.textContent);
  chart('chart-by-partner', data.byPartner, data, true);
  chart('chart-by-sector', data.bySector, data, true);
  chart('chart-by-year', data.byYear, data, false);
}

draw();
window.Blazor?.addEventListener?.('enhancedload', draw);
