/*
 * Staff home page: draws the neighbourhood choropleth (Leaflet) and the monthly chart (Chart.js) from the
 * JSON endpoints named in the #map element's data- attributes, fills the legend and the table
 * alternatives, and announces the totals. No inline scripts: the page's CSP forbids them.
 */
(function () {
  'use strict';

  /* ColorBrewer YlOrRd, sequential and colour-blind safe, by number of classes. */
  var PALETTES = {
    1: ['#fd8d3c'],
    2: ['#feb24c', '#f03b20'],
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']
  };
  var NONE = '#f0f0f0';
  var numbers = new Intl.NumberFormat('en-US');

  var mapElement = document.getElementById('map');
  if (!mapElement) {
    return;
  }
  var config = mapElement.dataset;
  var summaryElement = document.getElementById('summary');
  var legendElement = document.getElementById('legend');

  var map = L.map(mapElement, { keyboard: true, zoomSnap: 0.25, scrollWheelZoom: false });
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  map.setView([20, 0], 2);

  function json(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ' answered HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function classOf(count, breaks) {
    for (var i = 0; i < breaks.length; i++) {
      if (count <= breaks[i]) {
        return i;
      }
    }
    return breaks.length - 1;
  }

  function colour(count, breaks) {
    if (!count || breaks.length === 0) {
      return NONE;
    }
    return PALETTES[breaks.length][classOf(count, breaks)];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function legendItem(fill, label) {
    var item = element('span', 'item');
    var swatch = element('span', 'swatch');
    swatch.style.backgroundColor = fill;
    swatch.setAttribute('aria-hidden', 'true');
    item.appendChild(swatch);
    item.appendChild(element('span', 'label', label));
    return item;
  }

  function drawLegend(breaks, hasZero) {
    legendElement.textContent = '';
    legendElement.appendChild(element('span', 'title', 'Incidents per neighbourhood'));
    if (hasZero || breaks.length === 0) {
      legendElement.appendChild(legendItem(NONE, '0'));
    }
    var lower = 1;
    breaks.forEach(function (upper, i) {
      var label = lower === upper ? numbers.format(upper) : numbers.format(lower) + '–' + numbers.format(upper);
      legendElement.appendChild(legendItem(PALETTES[breaks.length][i], label));
      lower = Math.floor(upper) + 1;
    });
  }

  function tooltip(name, count) {
    var box = element('div', 'area-tooltip');
    box.appendChild(element('strong', null, name));
    box.appendChild(element('span', null, numbers.format(count) + (count === 1 ? ' incident' : ' incidents')));
    return box;
  }

  function drawAreas(areas, summary) {
    var counts = summary.areas;
    var values = Object.keys(counts).map(function (id) { return counts[id]; });
    drawLegend(summary.breaks, values.some(function (v) { return v === 0; }));
    var layer = L.geoJSON(areas, {
      style: function (feature) {
        var count = counts[feature.properties.id] || 0;
        return { fillColor: colour(count, summary.breaks), fillOpacity: 0.75, color: '#3d4450', weight: 1 };
      },
      onEachFeature: function (feature, shape) {
        var count = counts[feature.properties.id] || 0;
        var name = feature.properties.name || feature.properties.code || String(feature.properties.id);
        shape.bindTooltip(tooltip(name, count), { sticky: true });
        shape.bindPopup(tooltip(name, count));
        shape.on('mouseover', function () { shape.setStyle({ weight: 3 }); });
        shape.on('mouseout', function () { shape.setStyle({ weight: 1 }); });
      }
    }).addTo(map);
    if (areas.features && areas.features.length > 0) {
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    } else {
      legendElement.appendChild(element('span', 'item', 'No neighbourhoods imported yet: import areas on the Import page.'));
    }
    fillAreaTable(areas, counts);
  }

  function fillAreaTable(areas, counts) {
    var body = document.querySelector('#area-table tbody');
    if (!body) {
      return;
    }
    body.textContent = '';
    (areas.features || []).map(function (feature) {
      return { name: feature.properties.name || feature.properties.code, count: counts[feature.properties.id] || 0 };
    }).sort(function (a, b) {
      return b.count - a.count || String(a.name).localeCompare(String(b.name));
    }).forEach(function (row) {
      var tr = element('tr');
      tr.appendChild(element('td', null, row.name));
      tr.appendChild(element('td', null, numbers.format(row.count)));
      body.appendChild(tr);
    });
  }

  function drawChart(monthly) {
    var canvas = document.getElementById('monthly-chart');
    var body = document.querySelector('#monthly-table tbody');
    if (body) {
      body.textContent = '';
      monthly.forEach(function (m) {
        var tr = element('tr');
        tr.appendChild(element('td', null, m.month));
        tr.appendChild(element('td', null, numbers.format(m.count)));
        body.appendChild(tr);
      });
    }
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: monthly.map(function (m) { return m.month; }),
        datasets: [{ label: 'Incidents', data: monthly.map(function (m) { return m.count; }), backgroundColor: '#0b5cad' }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function announce(summary, areaCount) {
    var text = numbers.format(summary.total) + ' incidents, ' + summary.categoryLabel + ', '
      + (summary.from || 'start') + ' to ' + (summary.to || 'today') + '; '
      + numbers.format(summary.inAreas) + ' in ' + numbers.format(areaCount) + ' neighbourhoods';
    var outside = summary.total - summary.inAreas;
    if (outside > 0) {
      text += ', ' + numbers.format(outside) + ' without a neighbourhood';
    }
    summaryElement.textContent = text + '.';
  }

  Promise.all([json(config.areasUrl), json(config.summaryUrl)]).then(function (results) {
    var areas = results[0];
    var summary = results[1];
    drawAreas(areas, summary);
    drawChart(summary.monthly);
    announce(summary, (areas.features || []).length);
    mapElement.setAttribute('data-loaded', 'true');
  }).catch(function (error) {
    summaryElement.textContent = 'The map data could not be loaded: ' + error.message;
    mapElement.setAttribute('data-loaded', 'error');
  });

  /* After paging the table with htmx, keep keyboard focus at the table's heading. */
  document.body.addEventListener('htmx:afterSettle', function (event) {
    if (event.detail && event.detail.elt && event.detail.elt.id === 'incident-table') {
      var heading = document.getElementById('table-heading');
      if (heading) {
        heading.focus();
      }
    }
  });
}());
