/* Proposed claims (the review queue), when the page asks for them: a separate canvas under the
 * claims, every proposal visible as of the date drawn dimmed, never grouped, never clicked and
 * never counted in the claims' figures (region-level ones too are drawn at their point). What is drawn is marked on the page for the tests. */

import { S } from "./state.js";
import { dayOf } from "./payload.js";
import { sprite } from "./symbols.js";
import { fitCanvas } from "./claims_layer.js";

export function createProposalsLayer(map) {
  var L = window.L;
  var pane = map.createPane("proposals");
  pane.style.zIndex = 440; // under the claims (450), above the areas (400)
  pane.style.pointerEvents = "none";
  var ProposalsLayer = L.Layer.extend({
    onAdd: function () {
      this._canvas = L.DomUtil.create("canvas", "proposals-canvas");
      map.getPane("proposals").appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this.redraw, this);
      document.body.dataset.proposals = "0";
    },
    redraw: function () {
      if (this._map) drawProposals(this._canvas);
    },
  });
  return new ProposalsLayer();
}

function drawProposals(canvas) {
  var map = S.map;
  var fit = fitCanvas(canvas, map);
  var size = fit.size;
  var topLeft = fit.topLeft;
  var ctx = fit.ctx;
  var data = S.proposals;
  var shown = 0;
  if (data && S.asOfIso) {
    var scale = 256 * Math.pow(2, map.getZoom());
    var origin = map.getPixelOrigin();
    var offX = origin.x + topLeft.x;
    var offY = origin.y + topLeft.y;
    var asOf = dayOf(S.asOfIso, data);
    ctx.globalAlpha = S.style.proposals.opacity;
    for (var i = 0; i < data.n; i++) {
      if (data.visible[i] > asOf) continue;
      shown++;
      var x = data.mx[i] * scale - offX;
      var y = data.my[i] * scale - offY;
      if (x < -24 || y < -24 || x > size.x + 24 || y > size.y + 24) continue;
      var s = sprite(data.code[i], data);
      ctx.drawImage(s.canvas, x - s.size / 2, y - s.size / 2, s.size, s.size);
    }
    ctx.globalAlpha = 1;
  }
  document.body.dataset.proposals = String(shown);
}
