/*
 * Drug trends: stacked bars of suspected substances per month and lines of the fatal share and naloxone doses
 * per event, from the JSON named by #trend-charts' data-url. The page's tables hold the same numbers.
 */
(function () {
  'use strict';
  var holder = document.getElementById('trend-charts');
  if (!holder || !window.Chart) {
    return;
  }
  var PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666',
    '#1f78b4', '#b2df8a', '#fb9a99', '#cab2d6'];

  function draw(data) {
    var months = [];
    var bySubstance = {};
    data.substances.forEach(function (r) {
      if (months.indexOf(r.month) < 0) {
        months.push(r.month);
      }
      bySubstance[r.substance] = bySubstance[r.substance] || {};
      bySubstance[r.substance][r.month] = r.events;
    });
    months.sort();
    var substances = Object.keys(bySubstance).sort();
    new Chart(document.getElementById('substances-chart'), {
      type: 'bar',
      data: {
        labels: months,
        datasets: substances.map(function (s, i) {
          return { label: s, backgroundColor: PALETTE[i % PALETTE.length],
            data: months.map(function (m) { return bySubstance[s][m] || 0; }) };
        })
      },
      options: { maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
    var outcomeMonths = data.fatal.map(function (r) { return r.month; });
    new Chart(document.getElementById('outcomes-chart'), {
      type: 'line',
      data: {
        labels: outcomeMonths,
        datasets: [
          { label: 'Fatal share', yAxisID: 'share', borderColor: '#bd0026', spanGaps: true,
            data: data.fatal.map(function (r) { return r.share; }) },
          { label: 'Naloxone doses per event', yAxisID: 'doses', borderColor: '#0b5cad', spanGaps: true,
            data: data.naloxone.map(function (r) { return r.doses_per_event; }) }
        ]
      },
      options: { maintainAspectRatio: false, animation: false,
        scales: { share: { position: 'left', min: 0, max: 1 }, doses: { position: 'right', beginAtZero: true,
          grid: { drawOnChartArea: false } } } }
    });
  }

  fetch(holder.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data) { draw(data); } });
}());
