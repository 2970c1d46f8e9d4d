// The statistics page's map: the units under the unit with a boundary, coloured in the classes of
// the chosen indicator that the page's legend lists (#statistics-map-data holds each unit's name,
// value, colour and link). Leaflet without a tile layer (Tuquan works without the internet); a unit's
// tooltip names it with its value, its popup links to its figures.
(function () {
  var element = document.getElementById('statistics-map');
  var block = document.getElementById('statistics-map-data');
  if (!element || !block || typeof L === 'undefined') {
    return;
  }
  var collection = JSON.parse(block.textContent);
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  var number = new Intl.NumberFormat(lang);
  element.textContent = '';
  var map = L.map(element, {attributionControl: false, zoomSnap: 0.25});
  var layer = L.geoJSON(collection, {
    style: function (feature) {
      return {color: '#343a40', weight: 1, fillColor: feature.properties.colour, fillOpacity: 0.85};
    },
    onEachFeature: function (feature, shape) {
      var p = feature.properties;
      var text = p.name + ': ' + number.format(p.value);
      shape.bindTooltip(text, {sticky: true});
      var popup = document.createElement('div');
      var name = document.createElement('strong');
      name.textContent = p.name;
      var value = document.createElement('div');
      value.textContent = number.format(p.value);
      var link = document.createElement('a');
      link.href = p.href;
      link.textContent = element.getAttribute('data-open');
      popup.append(name, value, link);
      shape.bindPopup(popup);
      shape.on('mouseover', function () { shape.setStyle({weight: 3}); });
      shape.on('mouseout', function () { shape.setStyle({weight: 1}); });
    }
  });
  // the view first: Leaflet draws a layer's paths once the map has one
  var bounds = layer.getBounds();
  if (bounds.isValid()) {
    map.fitBounds(bounds, {padding: [8, 8]});
  } else {
    map.setView([16, 106], 5);
  }
  layer.addTo(map);
  layer.eachLayer(function (shape) {
    var path = shape.getElement && shape.getElement();
    if (path) {
      path.setAttribute('data-unit', String(shape.feature.properties.id));
      path.setAttribute('data-value', String(shape.feature.properties.value));
    }
  });
  element.setAttribute('data-features', String(collection.features.length));
})();
