/*
 * Analytics page: reads the form, starts the analysis as a job (POST /analytics/data/jobs/{method}), follows
 * it every second with a progress bar ("Backtest: week 12 of 260, about 40 s left") and a Cancel button, and
 * when it is done draws the result: Gi* classes or densities as cell squares on a Leaflet map with a legend
 * (the job's result as GeoJSON), a Chart.js chart for backtests, the same numbers in a table, and beside a
 * forecast its fairness table. No inline scripts: the page's CSP forbids them.
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
  /* Emerging hot spot categories, each its own colour: hot in reds to pale oranges, cold in dark to pale blues,
     from the strongest pattern (intensifying, persistent) to the faintest (diminishing, historical), as Esri
     grades them; no pattern grey. The legend lists only the categories a result holds, in this order. */
  var EMERGING = [
    ['intensifying_hot', '#99000d', 'Intensifying hot spot'], ['persistent_hot', '#cb181d', 'Persistent hot spot'],
    ['new_hot', '#ef3b2c', 'New hot spot'], ['consecutive_hot', '#fb6a4a', 'Consecutive hot spot'],
    ['sporadic_hot', '#fc9272', 'Sporadic hot spot'], ['oscillating_hot', '#fd8d3c', 'Oscillating hot spot'],
    ['diminishing_hot', '#fdae6b', 'Diminishing hot spot'], ['historical_hot', '#fdd0a2', 'Historical hot spot'],
    ['intensifying_cold', '#08306b', 'Intensifying cold spot'], ['persistent_cold', '#08519c', 'Persistent cold spot'],
    ['new_cold', '#2171b5', 'New cold spot'], ['consecutive_cold', '#4292c6', 'Consecutive cold spot'],
    ['sporadic_cold', '#6baed6', 'Sporadic cold spot'], ['oscillating_cold', '#9ecae1', 'Oscillating cold spot'],
    ['diminishing_cold', '#c6dbef', 'Diminishing cold spot'], ['historical_cold', '#deebf7', 'Historical cold spot'],
    ['no_pattern', '#bdbdbd', 'No pattern detected']
  ];
  /* ColorBrewer YlOrRd, five classes, for densities, counts and scores (quantile breaks). */
  var RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
  var NAMES = { counts: 'Counts', kde: 'Kernel density', gistar: 'Hot spots', emerging: 'Emerging hot spots',
    forecast: 'Forecast', knox: 'Near repeats', backtest: 'Backtest', allocate: 'Allocation', fairness: 'Fairness' };
  /* The bar follows the job every second; the live region says how far only every ten seconds, so a screen
     reader hears the start, a line now and then, and the end. */
  var POLL_MILLIS = 1000;
  var ANNOUNCE_MILLIS = 10000;

  var jobsBase = form.dataset.jobsUrl;
  var status = document.getElementById('status');
  var jobBox = document.getElementById('job');
  var jobLabel = document.getElementById('job-label');
  var bar = document.getElementById('job-progress');
  var cancelButton = document.getElementById('job-cancel');
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
  /* The job this page follows: { method, name, url, timer, announced }; null when none runs. */
  var current = null;

  /* A setting applies when its data-methods name the chosen method and, for a forecast's own settings
     (data-forecasts), the chosen forecast method; only those show and are sent. */
  function applies(field) {
    var methods = field.dataset.methods;
    var forecasts = field.dataset.forecasts;
    return (!methods || methods.split(' ').indexOf(form.elements.method.value) >= 0)
      && (!forecasts || forecasts.split(' ').indexOf(form.elements.forecast.value) >= 0);
  }

  function showSettings() {
    form.querySelectorAll('[data-methods]').forEach(function (field) {
      field.hidden = !applies(field);
    });
  }

  function query() {
    var params = new URLSearchParams();
    ['from', 'to', 'category'].forEach(function (name) {
      if (form.elements[name].value) {
        params.append(name, form.elements[name].value);
      }
    });
    form.querySelectorAll('[data-methods]').forEach(function (field) {
      if (!applies(field)) {
        return;
      }
      field.querySelectorAll('input, select').forEach(function (input) {
        if (input.type === 'checkbox') {
          params.append(input.name, input.checked ? 'true' : 'false');
        } else if (input.value) {
          params.append(input.name, input.value.trim());
        }
      });
    });
    return params.toString();
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  /* JSON of a response (null for 204); an error answer becomes an Error with the server's message. */
  function fetchBody(url, options) {
    var init = Object.assign({ credentials: 'same-origin' }, options || {});
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var message = 'HTTP ' + response.status;
          try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
          throw new Error(message);
        }
        return text ? JSON.parse(text) : null;
      });
    });
  }

  function duration(seconds) {
    if (seconds < 60) {
      return Math.max(1, Math.round(seconds)) + ' s';
    }
    if (seconds < 3600) {
      return Math.round(seconds / 60) + ' min';
    }
    return (seconds / 3600).toFixed(1) + ' h';
  }

  function progressText(run, job) {
    if (job.state === 'done') {
      return run.name + ': done in ' + duration(job.elapsed_seconds);
    }
    if (job.state === 'cancelled') {
      return run.name + ': cancelled';
    }
    if (job.state === 'failed') {
      return run.name + ': failed';
    }
    var text = run.name + ': ' + job.label;
    if (job.eta_seconds !== null && job.eta_seconds !== undefined) {
      text += ', about ' + duration(job.eta_seconds) + ' left';
    }
    return text;
  }

  function showProgress(run, job) {
    var text = progressText(run, job);
    jobLabel.textContent = text;
    if (job.total > 0) {
      bar.max = job.total;
      bar.value = job.state === 'done' ? job.total : job.done;
    } else if (job.state === 'done') {
      bar.max = 1;
      bar.value = 1;
    } else {
      // no count yet (waiting, reading incidents): an indeterminate bar
      bar.removeAttribute('value');
    }
    bar.setAttribute('aria-valuetext', text);
    jobBox.setAttribute('aria-busy', job.state === 'running' ? 'true' : 'false');
    jobBox.hidden = false;
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
    CLASSES.concat(EMERGING).forEach(function (c) { classColour[c[0]] = c[1]; });
    var features = method === 'gistar'
      ? geojson.features.filter(function (f) { return f.properties.class !== 'not_significant' || f.properties.count > 0; })
      : geojson.features;
    layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
      style: function (f) {
        var fill = method === 'gistar' ? classColour[f.properties.class]
          : method === 'emerging' ? classColour[f.properties.category] || '#bdbdbd'
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
      var present = {};
      features.forEach(function (f) { present[f.properties.category] = true; });
      setLegend(EMERGING.filter(function (c) { return present[c[0]]; }).map(function (c) { return [c[1], c[2]]; }));
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
    if (current) {
      // a new run replaces the one being followed, which nobody waits for any more
      cancel(current, true);
    }
    var method = form.elements.method.value;
    var run = { method: method, name: NAMES[method] || method, url: null, timer: null, announced: Date.now() };
    current = run;
    csvLink.hidden = true;
    document.getElementById('chart-panel').hidden = true;
    document.getElementById('fairness-panel').hidden = true;
    cancelButton.hidden = false;
    cancelButton.disabled = false;
    showProgress(run, { state: 'running', label: 'starting', done: 0, total: 0 });
    status.textContent = run.name + ': analysing…';
    fetchBody(jobsBase + encodeURIComponent(method) + '?' + query(), { method: 'POST', headers: csrfHeaders() })
      .then(function (job) {
        run.url = job.url;
        if (run !== current) {
          // cancelled, or replaced by a new run, before the server answered
          cancel(run, true);
          return;
        }
        follow(run, job);
      })
      .catch(function (error) { fail(run, error); });
  }

  function follow(run, job) {
    if (run !== current) {
      return;
    }
    if (job.state !== 'running') {
      finish(run, job);
      return;
    }
    showProgress(run, job);
    if (Date.now() - run.announced >= ANNOUNCE_MILLIS) {
      run.announced = Date.now();
      status.textContent = progressText(run, job);
    }
    run.timer = window.setTimeout(function () {
      fetchBody(run.url).then(function (next) { follow(run, next); }).catch(function (error) { fail(run, error); });
    }, POLL_MILLIS);
  }

  function finish(run, job) {
    if (current !== null && current !== run) {
      // a newer run owns the page
      return;
    }
    current = null;
    window.clearTimeout(run.timer);
    cancelButton.hidden = true;
    showProgress(run, job);
    if (job.state === 'done') {
      draw(run, job);
    } else if (job.state === 'cancelled') {
      status.textContent = run.name + ': cancelled.';
    } else {
      status.textContent = 'Could not analyse: ' + (job.error || job.state);
    }
  }

  function fail(run, error) {
    if (run !== current) {
      return;
    }
    current = null;
    window.clearTimeout(run.timer);
    cancelButton.hidden = true;
    jobBox.hidden = true;
    status.textContent = 'Could not analyse: ' + error.message;
  }

  function draw(run, job) {
    var json = job.result;
    fillTable(json.columns, json.rows);
    status.textContent = json.summary.join(' · ') + ' (' + json.rows.length + ' rows)';
    csvLink.href = job.result_url + '?format=csv';
    csvLink.hidden = false;
    if (run.method === 'backtest') {
      drawChart(json);
    }
    if (json.fairness) {
      fillTable(json.fairness.columns, json.fairness.rows, 'fairness');
      document.getElementById('fairness-summary').textContent = json.fairness.summary.join(' · ');
      document.getElementById('fairness-panel').hidden = false;
    }
    if (CELL_METHODS.indexOf(run.method) >= 0) {
      fetchBody(job.result_url + '?format=geojson')
        .then(function (g) { drawCells(g, run.method); })
        .catch(function (error) { status.textContent = 'Could not draw the map: ' + error.message; });
    }
  }

  /* Stops following a run and cancels its job; quietly when a new run replaces it. */
  function cancel(run, quietly) {
    if (current === run) {
      current = null;
    }
    window.clearTimeout(run.timer);
    if (!run.url) {
      // not started yet: the answer to the start cancels it when it comes
      if (!quietly) {
        finish(run, { state: 'cancelled', done: 0, total: 0 });
      }
      return;
    }
    if (!quietly) {
      cancelButton.disabled = true;
      status.textContent = run.name + ': cancelling…';
    }
    fetchBody(run.url, { method: 'DELETE', headers: csrfHeaders() }).then(function (job) {
      if (quietly) {
        return;
      }
      if (job && job.state === 'done') {
        // it finished before the cancellation reached it: show what it found
        fetchBody(run.url).then(function (done) { finish(run, done); });
        return;
      }
      finish(run, job || { state: 'cancelled', done: 0, total: 0 });
    }).catch(function (error) {
      if (!quietly) {
        status.textContent = 'Could not cancel: ' + error.message;
      }
    });
  }

  cancelButton.addEventListener('click', function () {
    if (current) {
      cancel(current, false);
    }
  });
  form.addEventListener('submit', analyse);
  form.elements.method.addEventListener('change', showSettings);
  form.elements.forecast.addEventListener('change', showSettings);
  showSettings();
}());
