// The report form's map: a click or tap places the point and fills the latitude and longitude fields; typing
// in those fields moves the marker. Without JavaScript the fields and the address still work.
(function () {
  'use strict';
  var element = document.getElementById('report-map');
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  if (!element || !lat || !lon || typeof L === 'undefined') {
    if (element) { element.hidden = true; }
    return;
  }
  var map = L.map(element, { keyboard: true, scrollWheelZoom: false });
  var tiles = element.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
  }
  var marker = null;
  function place(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.marker(latlng, { keyboard: false, title: 'The point of your report' }).addTo(map);
    }
  }
  var startLat = parseFloat(lat.value);
  var startLon = parseFloat(lon.value);
  if (isFinite(startLat) && isFinite(startLon)) {
    map.setView([startLat, startLon], 16);
    place([startLat, startLon]);
  } else {
    map.setView([38.63, -90.24], 12);
  }
  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = e.latlng.lng.toFixed(6);
    place(e.latlng);
  });
  function typed() {
    var a = parseFloat(lat.value);
    var b = parseFloat(lon.value);
    if (isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
      place([a, b]);
      map.panTo([a, b]);
    }
  }
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);
}());
