// Draws the annual review's charts (Chart.js) and world map (d3-geo + topojson-client) from the JSON the
// page puts in <script id="review-data">. Globals Chart, d3 and topojson come from wwwroot/lib.
// Static SSR: this runs on a full page load, and again after Blazor's enhanced navigation lands here.

const kindColors = {
  state_visit: '#8a1c1c', official_visit: '#c0392b', working_visit: '#e67e22', private_visit: '#f2c14e',
  incoming_visit: '#1f7a4d', multilateral_conference: '#1f4e8c', bilateral_meeting: '#7f8c8d',
  phone_call: '#8e44ad', online_talk: '#16a085', reception: '#95a5a6',
};
const fallback = ['#34495e', '#d35400', '#2c3e50', '#27ae60'];
const colorOf = (code, i) => kindColors[code] ?? fallback[i % fallback.length];

function chart(id, config) {
  const canvas = document.getElementById(id);
  if (!canvas) return;
  Chart.getChart(canvas)?.destroy();
  config.options = {
    responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom' } },
    ...config.options,
  };
  new Chart(canvas, config);
}

function drawCharts(data) {
  const integer = { beginAtZero: true, ticks: { precision: 0 } };
  chart('chart-by-month', {
    type: 'bar',
    data: {
      labels: data.months,
      datasets: data.byMonth.map((s, i) => ({ label: s.label, data: s.counts, backgroundColor: colorOf(s.code, i) })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, ...integer } } },
  });
  chart('chart-by-kind', {
    type: 'doughnut',
    data: {
      labels: data.byKind.map(b => b.label),
      datasets: [{ data: data.byKind.map(b => b.count), backgroundColor: data.byMonth.map((s, i) => colorOf(s.code, i)) }],
    },
    options: { plugins: { legend: { position: 'right' } } },
  });
  chart('chart-by-leader', {
    type: 'bar',
    data: {
      labels: data.byLeader.map(b => b.label),
      datasets: [{ label: data.activitiesLabel, data: data.byLeader.map(b => b.count), backgroundColor: '#1f4e8c' }],
    },
    options: { indexAxis: 'y', scales: { x: integer }, plugins: { legend: { display: false } } },
  });
}

const svgNs = 'http://www.w3.org/2000/svg';
let worldPromise;

async function drawMap(data) {
  const host = document.getElementById('review-map');
  if (!host) return;
  worldPromise ??= fetch('lib/countries-110m.json').then(r => r.json());
  const world = await worldPromise;
  const countries = topojson.feature(world, world.objects.countries);
  const groups = new Map(data.map.countries.map(c => [c.id, c]));

  const width = 960, height = 500;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);

  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  const sphere = document.createElementNS(svgNs, 'path');
  sphere.setAttribute('d', path({ type: 'Sphere' }));
  sphere.setAttribute('class', 'map-sphere');
  svg.appendChild(sphere);

  const tooltip = document.createElement('div');
  tooltip.className = 'map-tooltip';
  tooltip.hidden = true;

  for (const feature of countries.features) {
    const d = path(feature);
    if (!d) continue;
    const el = document.createElementNS(svgNs, 'path');
    el.setAttribute('d', d);
    const mark = groups.get(String(feature.id));
    const name = mark?.name ?? feature.properties?.name ?? '';
    el.setAttribute('class', 'map-country' + (mark ? ' ' + mark.group : ''));
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = mark ? `${name}: ${data.map.legend[mark.group]}` : name;
    el.appendChild(title);
    el.addEventListener('mousemove', e => {
      const box = host.getBoundingClientRect();
      tooltip.textContent = title.textContent;
      tooltip.style.left = `${e.clientX - box.left + 12}px`;
      tooltip.style.top = `${e.clientY - box.top + 12}px`;
      tooltip.hidden = false;
    });
    el.addEventListener('mouseleave', () => { tooltip.hidden = true; });
    svg.appendChild(el);
  }
  host.replaceChildren(svg, tooltip);
}

function draw() {
  const source = document.getElementById('review-data');
  if (!source) return;
  const data = JSON.parse(source.textContent);
  drawCharts(data);
  drawMap(data).catch(e => console.error('review map', e));
}

draw();
window.Blazor?.addEventListener?.('enhancedload', draw);
