// Incidents: on the record page, the severity and "subjective cause" fields appear only for the
// categories they apply to, and "use my location" fills the coordinates; on the map page, the
// incidents as points (and the unit's boundaries when there are any), drawn with Leaflet and no
// tile layer (Tuquan works without the internet).
(function () {
  var category = document.getElementById('categoryCode');
  if (category) {
    var severityField = document.getElementById('severity-field');
    var severity = document.getElementById('severity');
    var subjectiveField = document.getElementById('subjective-field');
    var update = function () {
      var option = category.options[category.selectedIndex];
      var allowed = option && option.dataset.severities ? option.dataset.severities.split(',') : [];
      severityField.hidden = allowed.length === 0;
      severity.required = option && option.dataset.required === 'true';
      Array.prototype.forEach.call(severity.options, function (o) {
        o.hidden = o.value !== '' && allowed.indexOf(o.value) < 0;
        if (o.hidden && o.selected) {
          severity.value = '';
        }
      });
      subjectiveField.hidden = !(option && option.dataset.subjective === 'true');
    };
    category.addEventListener('change', update);
    update();
    var locate = document.getElementById('use-location');
    if (locate && navigator.geolocation) {
      locate.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
          document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
        });
      });
    }
  }

  var element = document.getElementById('incident-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var json = function (url) {
    return fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); });
  };
  var boundariesUrl = element.getAttribute('data-boundaries-url');
  Promise.all([json(element.getAttribute('data-points-url')),
    boundariesUrl ? json(boundariesUrl) : Promise.resolve({type: 'FeatureCollection', features: []})])
    .then(function (collections) {
      var points = collections[0];
      var boundaries = collections[1];
      if (!points.features.length && !boundaries.features.length) {
        element.hidden = true;
        document.getElementById('map-empty').hidden = false;
        return;
      }
      var map = L.map(element, {attributionControl: false});
      var bounds = L.latLngBounds([]);
      if (boundaries.features.length) {
        var outline = L.geoJSON(boundaries, {style: {color: '#555', weight: 1, fillOpacity: 0.05}}).addTo(map);
        bounds.extend(outline.getBounds());
      }
      var colours = {CRIME: '#b02a37', SECURITY_EVENT: '#6f42c1', FIRE: '#fd7e14', TRAFFIC_ACCIDENT: '#0d6efd'};
      var layer = L.geoJSON(points, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {radius: 6, color: colours[feature.properties.kind] || '#495057', fillOpacity: 0.7});
        },
        onEachFeature: function (feature, marker) {
          marker.bindTooltip(feature.properties.category + ' — ' + feature.properties.occurredAt);
          marker.on('click', function () { window.location.href = feature.properties.url; });
        }
      }).addTo(map);
      if (points.features.length) {
        bounds.extend(layer.getBounds());
      }
      map.fitBounds(bounds, {maxZoom: 16, padding: [20, 20]});
    });
})();
