/*
 * Overdose entry form: a tap on the map (or this device's location) fills the latitude and longitude fields;
 * typing coordinates moves the marker; choosing only a neighbourhood clears the point. No inline scripts:
 * the CSP forbids them, so the map's settings come from data- attributes.
 */
(function () {
  'use strict';
  var mapElement = document.getElementById('entry-map');
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var neighbourhood = document.getElementById('neighbourhood');
  var locate = document.getElementById('use-location');
  if (!mapElement || !lat || !lon) {
    return;
  }
  var config = mapElement.dataset;
  var map = L.map(mapElement, { keyboard: true, scrollWheelZoom: false });
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  map.setView([39, -95], 4);
  var marker = null;

  function place(latitude, longitude, pan) {
    if (marker) {
      marker.setLatLng([latitude, longitude]);
    } else {
      marker = L.marker([latitude, longitude], { keyboard: false }).addTo(map);
    }
    if (pan) {
      map.setView([latitude, longitude], Math.max(map.getZoom(), 15));
    }
  }

  function setPoint(latitude, longitude, pan) {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    if (neighbourhood) {
      neighbourhood.value = '';
    }
    place(latitude, longitude, pan);
  }

  map.on('click', function (e) {
    setPoint(e.latlng.lat, e.latlng.lng, false);
  });

  function typed() {
    var a = parseFloat(lat.value);
    var b = parseFloat(lon.value);
    if (isFinite(a) && isFinite(b) && a >= -90 && a <= 90 && b >= -180 && b <= 180) {
      place(a, b, true);
    }
  }
  lat.addEventListener('change', typed);
  lon.addEventListener('change', typed);

  if (neighbourhood) {
    neighbourhood.addEventListener('change', function () {
      if (neighbourhood.value) {
        lat.value = '';
        lon.value = '';
        if (marker) {
          map.removeLayer(marker);
          marker = null;
        }
      }
    });
  }

  if (locate) {
    if (!navigator.geolocation) {
      locate.hidden = true;
    }
    locate.addEventListener('click', function () {
      locate.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        locate.disabled = false;
        setPoint(position.coords.latitude, position.coords.longitude, true);
      }, function () {
        locate.disabled = false;
        locate.textContent = 'Location not available: tap the map or type coordinates';
      }, { enableHighAccuracy: true, timeout: 10000 });
    });
  }

  fetch(config.areasUrl, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (areas) {
      if (areas && areas.features && areas.features.length) {
        var layer = L.geoJSON(areas, {
          style: { color: '#0b5cad', weight: 1, fillOpacity: 0.03 },
          interactive: false
        }).addTo(map);
        if (!marker) {
          map.fitBounds(layer.getBounds());
        }
      }
      typed();
    })
    .catch(function () { typed(); });
}());
