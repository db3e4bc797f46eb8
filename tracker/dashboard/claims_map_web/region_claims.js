/* Region-level claims (precision 3) are drawn as their region: the precision's style from
 * the page, in the colour of the side of the newest claim there; a click selects that claim. */

import { S } from "./state.js";
import { NO_REGION, sideOf } from "./payload.js";
import { sideColour } from "./symbols.js";
import { textNode } from "./dom.js";
import { report } from "./protocol.js";

export function updateRegionClaims(asOf) {
  var data = S.data;
  if (!S.regionClaims || !data || !data.region || !S.regionData) return;
  var key = data.digest + "|" + asOf;
  if (S.regionClaimsKey === key) return;
  S.regionClaimsKey = key;
  var newest = {};
  for (var i = 0; i < data.n; i++) {
    var g = data.region[i];
    if (g === NO_REGION || data.visible[i] > asOf) continue;
    if (!newest[g]) newest[g] = { i: i, count: 0 };
    newest[g].i = i; // the payload runs oldest first
    newest[g].count++;
  }
  S.regionClaims.clearLayers();
  Object.keys(newest).forEach(function (g) {
    var feature = S.regionData.features[Number(g)];
    if (!feature) return;
    var entry = newest[g];
    var colour = sideColour(sideOf(data.code[entry.i], data));
    var style = Object.assign({}, S.style.region_claim, {
      color: colour,
      fillColor: colour,
      className: "region-claim",
    });
    var layer = window.L.geoJSON(feature, {
      style: function () {
        return style;
      },
    });
    layer.bindTooltip(function () {
      return textNode(
        "span",
        feature.properties.name +
          ": " +
          entry.count +
          (entry.count === 1 ? " region-level claim" : " region-level claims")
      );
    });
    layer.on("click", function () {
      report(entry.i);
    });
    S.regionClaims.addLayer(layer);
  });
}
