// The public crime map: draws /public/incidents.geojson (already generalised by the server) with Leaflet.
(function () {
  'use strict';
  var element = document.getElementById('public-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  element.style.height = '28rem';
  var map = L.map(element, { keyboard: true, scrollWheelZoom: false, preferCanvas: true });
  var tiles = element.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
  }
  map.setView([38.63, -90.24], 12);
  fetch(element.getAttribute('data-geojson'), { headers: { Accept: 'application/geo+json' } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 5, weight: 1, fillOpacity: 0.6 });
        },
        onEachFeature: function (feature, marker) {
          var p = feature.properties;
          var box = document.createElement('div');
          [p.label, p.block || 'Block not known', p.date, p.neighbourhood || ''].forEach(function (t) {
            if (t) { var line = document.createElement('div'); line.textContent = t; box.appendChild(line); }
          });
          marker.bindPopup(box);
        }
      }).addTo(map);
      if (data.features && data.features.length > 0) {
        map.fitBounds(layer.getBounds(), { maxZoom: 15 });
      }
    })
    .catch(function () {
      element.textContent = 'The map could not be loaded; the list below has the same incidents.';
    });
}());
