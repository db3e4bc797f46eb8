/* The map itself: base tiles, the claims canvas, the area layers, the layer control and the
 * fixed boxes (status, legend, notice), and the map's mouse events. */

import { S } from "./state.js";
import { createClaimsLayer } from "./claims_layer.js";
import { createProposalsLayer } from "./proposals_layer.js";
import { createAreaLayers, keepShapesOutOfTabOrder } from "./areas.js";
import { buildLegend } from "./legend.js";
import { onClick, onMove, onPopupClose } from "./popup.js";

// A fixed box on the map: `build` returns its element.
function box(map, position, build) {
  var control = window.L.control({ position: position });
  control.onAdd = build;
  control.addTo(map);
}

export function createMap(args) {
  var L = window.L;
  var map = L.map("map", { center: args.center, zoom: args.zoom, zoomControl: true });
  S.map = map;
  L.control.scale().addTo(map);
  var base = {};
  (args.tiles || []).forEach(function (t, k) {
    var layer = L.tileLayer(t.url, { attribution: t.attribution, maxZoom: 18 });
    base[t.name] = layer;
    if (k === 0) layer.addTo(map);
  });

  var names = S.style.layer_names;
  var overlays = {};
  S.proposalsLayer = createProposalsLayer(map); // added when the page sends proposals
  S.claimsLayer = createClaimsLayer(map);
  S.claimsLayer.addTo(map);
  overlays[names.claims] = S.claimsLayer;
  keepShapesOutOfTabOrder(map);
  createAreaLayers(map, names, overlays);
  S.overlayControl = L.control.layers(base, overlays, { collapsed: false }).addTo(map);

  box(map, "bottomright", function () {
    S.status = L.DomUtil.create("div", "claims-box claims-status");
    S.status.textContent = "Loading claims…";
    return S.status;
  });
  box(map, "bottomleft", buildLegend);
  // What the map must say when its control picture is partial (no baseline).
  box(map, "topright", function () {
    S.notice = L.DomUtil.create("div", "claims-box claims-notice");
    S.notice.style.display = "none";
    return S.notice;
  });

  map.on("click", onClick);
  map.on("mousemove", onMove);
  map.on("popupclose", onPopupClose);
}
