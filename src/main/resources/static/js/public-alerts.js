// The alert form's optional drawing map: clicks add polygon corners; the polygon is written as GeoJSON into the
// textarea, which is the real form field (so the form works without the map or JavaScript).
(function () {
  'use strict';
  var element = document.getElementById('alerts-map');
  var field = document.getElementById('polygon');
  if (!element || !field || typeof L === 'undefined') {
    return;
  }
  element.style.height = '20rem';
  var map = L.map(element, { keyboard: true, scrollWheelZoom: false }).setView([38.63, -90.24], 12);
  var tiles = element.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
  }
  var corners = [];
  var shape = null;
  function redraw() {
    if (shape) { map.removeLayer(shape); shape = null; }
    if (corners.length >= 3) {
      shape = L.polygon(corners).addTo(map);
      var ring = corners.map(function (c) { return [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))]; });
      ring.push(ring[0]);
      field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
      document.getElementById('place-p').checked = true;
    }
  }
  map.on('click', function (e) { corners.push(e.latlng); redraw(); });
  document.getElementById('clear-polygon').addEventListener('click', function () {
    corners = []; field.value = ''; redraw();
  });
}());
