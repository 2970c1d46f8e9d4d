// A unit's map: its boundary and its children's, from /units/{id}/map.json, drawn with Leaflet
// and no tile layer (Tuquan works without the internet). Children are clickable to their pages.
(function () {
  var element = document.getElementById('unit-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var unitUrl = element.getAttribute('data-unit-url');
  var asOf = element.getAttribute('data-as-of');
  fetch(element.getAttribute('data-map-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      var map = L.map(element, {attributionControl: false, zoomSnap: 0.25});
      var children = collection.features.filter(function (f) { return f.properties.role === 'child'; });
      var own = collection.features.filter(function (f) { return f.properties.role === 'unit'; });
      var layers = [];
      if (children.length) {
        layers.push(L.geoJSON({type: 'FeatureCollection', features: children}, {
          style: function () { return {color: '#1f5fa8', weight: 1, fillColor: '#1f5fa8', fillOpacity: 0.08}; },
          onEachFeature: function (feature, layer) {
            layer.bindTooltip(feature.properties.name, {sticky: true});
            layer.on('mouseover', function () { layer.setStyle({fillOpacity: 0.3}); });
            layer.on('mouseout', function () { layer.setStyle({fillOpacity: 0.08}); });
            layer.on('click', function () {
              window.location.href = unitUrl + feature.properties.id + '?asOf=' + encodeURIComponent(asOf);
            });
          }
        }).addTo(map));
      }
      if (own.length) {
        layers.push(L.geoJSON({type: 'FeatureCollection', features: own}, {
          style: function () { return {color: '#8b1a1a', weight: 3, fill: !children.length, fillOpacity: 0.1}; },
          interactive: false
        }).addTo(map));
      }
      var bounds = null;
      layers.forEach(function (layer) {
        bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();
      });
      if (bounds && bounds.isValid()) {
        map.fitBounds(bounds, {padding: [8, 8]});
        element.setAttribute('data-features', String(collection.features.length));
      }
    });
})();
