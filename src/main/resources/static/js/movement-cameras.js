// The security cameras of a unit on a map, from /movement/units/{id}/cameras.json, drawn with
// Leaflet and no tile layer (Tuquan works without the internet).
(function () {
  var element = document.getElementById('camera-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  fetch(element.getAttribute('data-cameras-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      if (!collection.features.length) {
        element.hidden = true;
        return;
      }
      var map = L.map(element, {attributionControl: false});
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {radius: 6, color: '#8b1a1a', fillOpacity: 0.7});
        },
        onEachFeature: function (feature, marker) {
          var text = feature.properties.owner + (feature.properties.description ? ' — ' + feature.properties.description : '');
          marker.bindTooltip(text);
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), {maxZoom: 16, padding: [20, 20]});
    });
})();
