/*
 * One overdose alarm: the daily counts with the baseline mean (Chart.js) and the area or cluster (Leaflet),
 * both from the JSON named by the map's data-url. The table under the chart gets the same numbers.
 * No inline scripts: the CSP forbids them.
 */
(function () {
  'use strict';
  var mapElement = document.getElementById('alarm-map');
  var canvas = document.getElementById('alarm-chart');
  if (!mapElement) {
    return;
  }
  var config = mapElement.dataset;

  function addDays(iso, n) {
    var d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function fmt(v) {
    return v === null || v === undefined ? '' : (Math.round(v * 1000) / 1000).toString();
  }

  function drawChart(data) {
    var s = data.series;
    var labels = s.count.map(function (_, i) { return addDays(s.start, i); });
    var colours = labels.map(function (day) { return day === data.date ? '#bd0026' : '#fd8d3c'; });
    var datasets = [{ type: 'bar', label: 'Suspected overdoses', data: s.count, backgroundColor: colours }];
    if (s.mean) {
      datasets.push({ type: 'line', label: 'Baseline mean', data: s.mean, borderColor: '#0b5cad', pointRadius: 0, spanGaps: true });
    }
    if (canvas && window.Chart) {
      new Chart(canvas, {
        data: { labels: labels, datasets: datasets },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var body = document.querySelector('#series-table tbody');
    if (body) {
      labels.forEach(function (day, i) {
        var row = document.createElement('tr');
        [day, s.count[i], s.mean ? fmt(s.mean[i]) : '', s.statistic ? fmt(s.statistic[i]) : ''].forEach(function (v) {
          var cell = document.createElement('td');
          cell.textContent = v;
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
    }
  }

  function drawMap(data) {
    var map = L.map(mapElement, { keyboard: true, scrollWheelZoom: false });
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(map);
    }
    var bounds = null;
    function extend(b) {
      bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
    }
    var m = data.map || {};
    if (m.areas && m.areas.features && m.areas.features.length) {
      var areas = L.geoJSON(m.areas, { style: { color: '#bd0026', weight: 2, fillOpacity: 0.15 } }).addTo(map);
      extend(areas.getBounds());
    }
    if (m.circle) {
      var circle = L.circle([m.circle.lat, m.circle.lon], { radius: m.circle.radius_m, color: '#bd0026', fillOpacity: 0.1 })
        .addTo(map);
      extend(circle.getBounds());
    }
    (m.points || []).forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], { radius: 6, color: '#bd0026' }).addTo(map);
      marker.bindTooltip((p.name || '') + (p.cases !== undefined ? ': ' + p.cases : ''));
      extend(L.latLngBounds([p.lat, p.lon], [p.lat, p.lon]));
    });
    if (bounds) {
      map.fitBounds(bounds.pad(0.2), { maxZoom: 15 });
    } else {
      map.setView([39, -95], 4);
    }
  }

  fetch(config.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      drawChart(data);
      drawMap(data);
    })
    .catch(function (e) {
      mapElement.textContent = 'The chart and map could not be loaded (' + e.message + ').';
    });
}());
