/* Read-only hooks for the browser tests (what is drawn, where a claim is): window.claimsMap. */

import { S } from "./state.js";
import { describe, latLngOf } from "./payload.js";

function clear(hit) {
  var size = S.map.getSize();
  if (hit.x < 4 || hit.y < 4 || hit.x > size.x - 4 || hit.y > size.y - 4) return false;
  var box = S.map.getContainer().getBoundingClientRect();
  var el = document.elementFromPoint(box.left + hit.x, box.top + hit.y);
  return !!el && !el.closest(".leaflet-control, .leaflet-popup");
}

function screenPoint(i) {
  if (!S.data || !S.map) return null;
  var p = S.map.latLngToContainerPoint(latLngOf(i, S.data));
  return { x: p.x, y: p.y };
}

export var probe = {
  counts: function () {
    return S.counts || null;
  },
  state: function () {
    return document.body.dataset.state || null;
  },
  screenPoint: screenPoint,
  claim: function (i) {
    var d = S.data;
    if (!d || i < 0 || i >= d.n) return null;
    return describe(i, d);
  },
  clusterPoint: function (k) {
    var clusters = S.hits.filter(function (h) {
      return h.i === undefined && clear(h);
    });
    return clusters.length > k ? { x: clusters[k].x, y: clusters[k].y } : null;
  },
  claimAt: function (k) {
    // The k-th claim (in data order) drawn as a single marker in view (or null).
    var singles = S.hits
      .filter(function (h) {
        return h.i !== undefined;
      })
      .map(function (h) {
        return h.i;
      })
      .sort(function (a, b) {
        return a - b;
      });
    return singles.length > k ? singles[k] : null;
  },
  centreOn: function (i) {
    // Pan (without animation) so that claim i is in the middle, clear of the controls;
    // returns its point, or null when it is not drawn there as a single marker.
    S.map.setView(latLngOf(i, S.data), S.map.getZoom(), { animate: false });
    var single = S.hits.some(function (h) {
      return h.i === i;
    });
    return single ? screenPoint(i) : null;
  },
  resetView: function () {
    // Back to the first view, popup closed (the map redraws at once).
    S.map.closePopup();
    S.map.setView(S.args.center, S.args.zoom, { animate: false });
    return document.body.dataset.view;
  },
};
