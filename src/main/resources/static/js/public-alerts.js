// The alert form's optional drawing map: clicks add polygon corners; the polygon is written as GeoJSON into the
// textarea, which is the real form field (so the form works without the map or JavaScript). With a keyboard, the
// arrow keys move the map and Enter adds the point under the cross in its centre; buttons do the same, and one
// copies that point into "Around a point". Each change is announced in a status line for screen readers.
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
  var status = document.getElementById('drawing-status');
  var corners = [];
  var shape = null;
  function say(text) {
    if (status) { status.textContent = text; }
  }
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
  function addCorner(latlng) {
    corners.push(latlng);
    redraw();
    say(corners.length >= 3 ? 'Corner ' + corners.length + ' added: the area has ' + corners.length + ' corners.'
      : 'Corner ' + corners.length + ' added: an area needs at least 3.');
  }
  map.on('click', function (e) { addCorner(e.latlng); });
  // an arrow key pans with an animation: a corner asked for meanwhile is the centre where the map comes to rest
  var moving = false;
  map.on('movestart', function () { moving = true; });
  map.on('moveend', function () { moving = false; });
  function addCentre() {
    if (moving) {
      map.once('moveend', function () { addCorner(map.getCenter()); });
    } else {
      addCorner(map.getCenter());
    }
  }
  element.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target === element) {
      e.preventDefault();
      addCentre();
    }
  });
  function show(id, action) {
    var button = document.getElementById(id);
    if (button) {
      button.hidden = false;
      button.addEventListener('click', action);
    }
  }
  document.getElementById('alerts-map-help').hidden = false;
  show('add-corner', addCentre);
  show('use-centre', function () {
    var centre = map.getCenter();
    document.getElementById('lat').value = centre.lat.toFixed(6);
    document.getElementById('lon').value = centre.lng.toFixed(6);
    document.getElementById('place-r').checked = true;
    say('"Around a point" set to ' + centre.lat.toFixed(6) + ', ' + centre.lng.toFixed(6) + '.');
  });
  document.getElementById('clear-polygon').addEventListener('click', function () {
    corners = []; field.value = ''; redraw();
    say('The drawing is cleared.');
  });
}());
