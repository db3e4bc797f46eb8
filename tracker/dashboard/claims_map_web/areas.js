/* The SVG layers: the oblasts, control areas per side (assessed filled, claimed-only
 * hatched) and the frontline, styled from the page's style; labels set as text. */

import { S } from "./state.js";
import { textNode } from "./dom.js";

function labelTooltip(feature, layer) {
  var label = (feature.properties || {}).label;
  if (label) {
    layer.bindTooltip(function () {
      return textNode("span", label);
    });
  }
}

// SVG stripe patterns for the claimed-only layer (styles with a `hatch` colour fill with
// url(#hatch-<side>)); Leaflet's SVG paths find them by id in the document.
function addHatches(styles) {
  var ns = "http://www.w3.org/2000/svg";
  var svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "0");
  svg.setAttribute("height", "0");
  svg.style.position = "absolute";
  var defs = document.createElementNS(ns, "defs");
  Object.keys(styles).forEach(function (key) {
    var colour = styles[key].hatch;
    if (!colour) return;
    var pattern = document.createElementNS(ns, "pattern");
    pattern.setAttribute("id", "hatch-" + key.replace(/^claimed-/, ""));
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("width", "8");
    pattern.setAttribute("height", "8");
    pattern.setAttribute("patternTransform", "rotate(45)");
    var stripe = document.createElementNS(ns, "rect");
    stripe.setAttribute("width", "3");
    stripe.setAttribute("height", "8");
    stripe.setAttribute("fill", colour);
    stripe.setAttribute("fill-opacity", "0.8");
    pattern.appendChild(stripe);
    defs.appendChild(pattern);
  });
  svg.appendChild(defs);
  document.body.appendChild(svg);
}

// The layers, added to the map and named in `overlays` (for the layer control).
export function createAreaLayers(map, names, overlays) {
  var L = window.L;
  var style = S.style;
  S.regions = L.geoJSON(null, {
    style: function () {
      return style.regions;
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(function () {
        return textNode("span", feature.properties.name);
      });
    },
  }).addTo(map);
  overlays[names.regions] = S.regions;
  addHatches(style.control);
  S.regionClaims = L.featureGroup().addTo(map);
  overlays[names.region_claims] = S.regionClaims;
  (names.control || []).forEach(function (entry) {
    var side = entry[0];
    var areaStyle = Object.assign({}, style.control[side], {
      className: "control-area control-" + side,
    });
    var layer = L.geoJSON(null, {
      style: function () {
        return areaStyle;
      },
      onEachFeature: labelTooltip,
    });
    S.control[side] = layer.addTo(map);
    overlays[entry[1]] = layer;
  });
  if (names.frontline) {
    var lineStyle = Object.assign({}, style.frontline, { className: "frontline" });
    S.frontline = L.geoJSON(null, {
      style: function () {
        return lineStyle;
      },
      onEachFeature: labelTooltip,
    }).addTo(map);
    overlays[names.frontline] = S.frontline;
  }
}

export function setRegions(collection) {
  S.regions.clearLayers();
  S.regions.addData(collection);
  S.regionData = collection;
  S.regionClaimsKey = null;
}

export function setControl(payload) {
  var bySide = {};
  ((payload.areas || {}).features || []).forEach(function (f) {
    bySide[f.properties.side] = f;
  });
  Object.keys(S.control).forEach(function (side) {
    var layer = S.control[side];
    layer.clearLayers();
    if (bySide[side]) layer.addData(bySide[side]);
  });
  if (S.frontline) {
    S.frontline.clearLayers();
    var lines = ((payload.frontline || {}).features || []).filter(function (f) {
      return f.geometry && f.geometry.coordinates && f.geometry.coordinates.length;
    });
    if (lines.length) S.frontline.addData({ type: "FeatureCollection", features: lines });
  }
  if (S.notice) {
    S.notice.textContent = payload.notice || "";
    S.notice.style.display = payload.notice ? "" : "none";
  }
  document.body.dataset.control = S.controlUrl || "";
}

// The map's shapes (oblasts, control areas, region-level claims) have tooltips, which made
// each a Tab stop (29 unlabelled stops before the page's next control); keyboard users get
// the claims from the list beside the map and the areas' figures from the page instead.
export function keepShapesOutOfTabOrder(map) {
  var pane = map.getPanes().overlayPane;
  var mark = function (root) {
    if (root.nodeType !== 1) return;
    if (root.tagName.toLowerCase() === "path") root.setAttribute("tabindex", "-1");
    root.querySelectorAll("path").forEach(function (path) {
      path.setAttribute("tabindex", "-1");
    });
  };
  mark(pane);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(mark);
    });
  }).observe(pane, { childList: true, subtree: true });
}
