/*
 * Analytics page: reads the form, fetches /analytics/data/{method} (GeoJSON for cell methods, JSON for the
 * others), draws Gi* classes or densities as cell squares on a Leaflet map with a legend, a Chart.js chart
 * for backtests, the same numbers in a table, and beside a forecast its fairness table. No inline scripts:
 * the page's CSP forbids them.
 */
(function () {
  'use strict';

  var form = document.getElementById('analytics-form');
  if (!form) {
    return;
  }
  var CELL_METHODS = ['gistar', 'kde', 'counts', 'emerging', 'forecast', 'allocate'];
  var MAX_ROWS = 500;
  /* Esri's hot spot colours: red hot, blue cold, pale not significant (diverging, colour-blind safe). */
  var CLASSES = [
    ['hot_99', '#d62f27', 'Hot spot, 99 %'], ['hot_95', '#ed7551', 'Hot spot, 95 %'],
    ['hot_90', '#fab984', 'Hot spot, 90 %'], ['not_significant', '#eeeeee', 'Not significant'],
    ['cold_90', '#c0ccbe', 'Cold spot, 90 %'], ['cold_95', '#849eba', 'Cold spot, 95 %'],
    ['cold_99', '#4575b5', 'Cold spot, 99 %']
  ];
  /* ColorBrewer YlOrRd, five classes, for densities, counts and scores (quantile breaks). */
  var RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

  var base = form.dataset.url;
  var status = document.getElementById('status');
  var legend = document.getElementById('legend');
  var csvLink = document.getElementById('csv-link');
  var mapElement = document.getElementById('map');
  var map = L.map(mapElement, { keyboard: true, scrollWheelZoom: false });
  if (mapElement.dataset.tileUrl) {
    L.tileLayer(mapElement.dataset.tileUrl, { attribution: mapElement.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  map.setView([20, 0], 2);
  var layer = null;
  var chart = null;

  function query(format) {
    var params = new URLSearchParams();
    var names = ['from', 'to', 'category', 'cell', 'bandwidth', 'forecast', 'units', 'radius',
      'max_per_neighbourhood'];
    names.forEach(function (name) {
      var value = form.elements[name].value;
      if (value) {
        params.append(name, value);
      }
    });
    params.append('format', format);
    return base + encodeURIComponent(form.elements.method.value) + '?' + params.toString();
  }

  function fetchBody(url, asJson) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var message = 'HTTP ' + response.status;
          try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
          throw new Error(message);
        }
        return asJson ? JSON.parse(text) : text;
      });
    });
  }

  function quantileBreaks(values) {
    var sorted = values.filter(function (v) { return v > 0; }).sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var k = 1; k < RAMP.length; k++) {
      breaks.push(sorted.length ? sorted[Math.floor(k * sorted.length / RAMP.length)] : 0);
    }
    return breaks;
  }

  function rampColour(value, breaks) {
    var k = 0;
    while (k < breaks.length && value >= breaks[k]) {
      k++;
    }
    return RAMP[k];
  }

  function setLegend(entries) {
    legend.textContent = '';
    entries.forEach(function (entry) {
      var item = document.createElement('span');
      item.className = 'legend-item';
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = entry[0];
      swatch.style.display = 'inline-block';
      swatch.style.width = '1em';
      swatch.style.height = '1em';
      swatch.style.marginRight = '0.3em';
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry[1] + '  '));
      legend.appendChild(item);
    });
  }

  function drawCells(geojson, method) {
    if (layer) {
      map.removeLayer(layer);
    }
    var valueKey = method === 'kde' ? 'density_km2' : method === 'forecast' ? 'score'
      : method === 'allocate' ? 'captured' : 'count';
    var breaks = quantileBreaks(geojson.features.map(function (f) { return f.properties[valueKey]; }));
    var classColour = {};
    CLASSES.forEach(function (c) { classColour[c[0]] = c[1]; });
    var features = method === 'gistar'
      ? geojson.features.filter(function (f) { return f.properties.class !== 'not_significant' || f.properties.count > 0; })
      : geojson.features;
    layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
      style: function (f) {
        var fill = method === 'gistar' ? classColour[f.properties.class]
          : method === 'emerging' ? (f.properties.category.indexOf('hot') >= 0 ? '#d62f27'
            : f.properties.category.indexOf('cold') >= 0 ? '#4575b5' : '#eeeeee')
          : rampColour(f.properties[valueKey], breaks);
        return { color: '#555', weight: 0.3, fillColor: fill, fillOpacity: 0.7 };
      },
      onEachFeature: function (f, l) {
        var p = f.properties;
        l.bindTooltip(Object.keys(p).map(function (k) { return k + ': ' + p[k]; }).join('<br>'));
      }
    }).addTo(map);
    if (features.length) {
      map.fitBounds(layer.getBounds());
    }
    if (method === 'gistar') {
      setLegend(CLASSES.map(function (c) { return [c[1], c[2]]; }));
    } else if (method === 'emerging') {
      setLegend([['#d62f27', 'Hot pattern'], ['#4575b5', 'Cold pattern'], ['#eeeeee', 'No pattern']]);
    } else {
      var entries = [[RAMP[0], '< ' + format(breaks[0])]];
      for (var k = 1; k < RAMP.length; k++) {
        entries.push([RAMP[k], '≥ ' + format(breaks[k - 1])]);
      }
      setLegend(entries);
    }
  }

  function format(v) {
    return typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : String(v);
  }

  function fillTable(columns, rows, id) {
    var table = document.getElementById(id || 'results');
    var head = table.tHead;
    var body = table.tBodies[0];
    head.textContent = '';
    body.textContent = '';
    var tr = document.createElement('tr');
    columns.forEach(function (c) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      tr.appendChild(th);
    });
    head.appendChild(tr);
    rows.slice(0, MAX_ROWS).forEach(function (row) {
      var r = document.createElement('tr');
      row.forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v === null ? '' : format(v);
        r.appendChild(td);
      });
      body.appendChild(r);
    });
  }

  function drawChart(json) {
    var panel = document.getElementById('chart-panel');
    panel.hidden = false;
    var labels = json.rows.map(function (r) { return r[0]; });
    var pai1 = json.rows.map(function (r) { return r[json.columns.indexOf('pai_1')]; });
    var pai5 = json.rows.map(function (r) { return r[json.columns.indexOf('pai_5')]; });
    if (chart) {
      chart.destroy();
    }
    chart = new Chart(document.getElementById('chart'), {
      type: 'line',
      data: { labels: labels, datasets: [
        { label: 'PAI, top 1 % of cells', data: pai1, borderColor: '#d62f27', pointRadius: 0 },
        { label: 'PAI, top 5 % of cells', data: pai5, borderColor: '#4575b5', pointRadius: 0 }] },
      options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
  }

  function analyse(event) {
    if (event) {
      event.preventDefault();
    }
    var method = form.elements.method.value;
    csvLink.href = query('csv');
    document.getElementById('chart-panel').hidden = true;
    document.getElementById('fairness-panel').hidden = true;
    // long runs (backtests over years) say every 10 s that they are still working; the status is a polite
    // live region, so more often would crowd a screen reader
    var started = Date.now();
    status.textContent = 'Analysing…';
    var ticking = window.setInterval(function () {
      status.textContent = 'Analysing… still working after ' + Math.round((Date.now() - started) / 1000) + ' s';
    }, 10000);
    var cells = CELL_METHODS.indexOf(method) >= 0;
    var work = fetchBody(query('json'), true).then(function (json) {
      window.clearInterval(ticking);
      fillTable(json.columns, json.rows);
      status.textContent = json.summary.join(' · ') + ' (' + json.rows.length + ' rows)';
      if (method === 'backtest') {
        drawChart(json);
      }
      if (json.fairness) {
        fillTable(json.fairness.columns, json.fairness.rows, 'fairness');
        document.getElementById('fairness-summary').textContent = json.fairness.summary.join(' · ');
        document.getElementById('fairness-panel').hidden = false;
      }
      return cells ? fetchBody(query('geojson'), true).then(function (g) { drawCells(g, method); }) : null;
    });
    work.catch(function (error) {
      window.clearInterval(ticking);
      status.textContent = 'Could not analyse: ' + error.message;
    });
  }

  form.addEventListener('submit', analyse);
}());
