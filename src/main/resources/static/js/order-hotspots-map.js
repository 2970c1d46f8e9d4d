// The hotspots under a unit on a map, from /order/units/{id}/hotspots/map.json: the unit's boundaries
// (grey, when the units module holds them), then each hotspot's units' boundaries and its point,
// coloured by its status on the date. Leaflet without a tile layer (Tuquan works without the internet).
(function () {
  var element = document.getElementById('hotspot-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var colours = {COMPLEX: '#b02a37', CONTAINED: '#b8860b', STABLE: '#146c43'};
  fetch(element.getAttribute('data-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      var hotspots = collection.features.filter(function (f) { return f.properties.role === 'hotspot'; });
      if (!collection.features.length) {
        element.textContent = element.getAttribute('data-empty');
        element.classList.add('p-3');
        return;
      }
      var map = L.map(element, {attributionControl: false});
      var layer = L.geoJSON(collection, {
        style: function (feature) {
          if (feature.properties.role !== 'hotspot') {
            return {color: '#6c757d', weight: 1, fillColor: '#e9ecef', fillOpacity: 0.4};
          }
          var colour = colours[feature.properties.status];
          return {color: colour, weight: 2, fillColor: colour, fillOpacity: 0.35};
        },
        pointToLayer: function (feature, latlng) {
          var colour = colours[feature.properties.status] || '#6c757d';
          return L.circleMarker(latlng, {radius: 8, color: colour, fillColor: colour, fillOpacity: 0.8, weight: 2});
        },
        onEachFeature: function (feature, shape) {
          var p = feature.properties;
          if (p.role === 'hotspot') {
            shape.bindTooltip(p.name + ' — ' + p.statusName + ' (' + p.kindName + ')');
            shape.on('click', function () { window.location.href = p.url; });
          } else if (p.name) {
            shape.bindTooltip(p.name);
          }
        }
      }).addTo(map);
      var focus = hotspots.length ? L.geoJSON({type: 'FeatureCollection', features: hotspots}) : layer;
      map.fitBounds(focus.getBounds(), {maxZoom: 15, padding: [20, 20]});
    });
})();
