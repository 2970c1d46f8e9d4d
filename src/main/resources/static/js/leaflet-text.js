// Every tooltip and popup of Leaflet shows text, never markup: a camera's description, a hotspot's
// or a unit's name are what people typed, and Leaflet puts a string given to bindTooltip/bindPopup
// into innerHTML. Loaded right after leaflet.js (fragments/leaflet.html) on every page with a map,
// so no map script can pass markup by mistake; a script that needs markup passes an element.
(function () {
  if (typeof L === 'undefined' || !L.DivOverlay) {
    return;
  }
  var setContent = L.DivOverlay.prototype.setContent;
  L.DivOverlay.prototype.setContent = function (content) {
    if (typeof content === 'string' || typeof content === 'number') {
      var text = document.createElement('span');
      text.textContent = String(content);
      content = text;
    }
    return setContent.call(this, content);
  };
})();
