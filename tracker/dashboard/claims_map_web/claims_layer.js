/* The claims on one canvas: those visible as of the date, the last days bright and older
 * ones faded, grouped on a screen grid below CLUSTER_BELOW_ZOOM. Records where each symbol
 * and cluster is drawn (S.hits) for clicks. */

import { S } from "./state.js";
import { dayOf, NO_REGION } from "./payload.js";
import { radius, sideColour, sprite } from "./symbols.js";
import { updateRegionClaims } from "./region_claims.js";
import { setStatus } from "./status.js";

export var CLUSTER_BELOW_ZOOM = 10;
export var CELL = 56; // px, cluster grid
export var MARGIN = 24; // px drawn beyond the edges
export var HIT = 10; // px, click radius of a single claim

export function createClaimsLayer(map) {
  var L = window.L;
  var pane = map.createPane("claims");
  pane.style.zIndex = 450; // above the areas (400), below popups
  pane.style.pointerEvents = "none";
  var ClaimsLayer = L.Layer.extend({
    onAdd: function () {
      this._canvas = L.DomUtil.create("canvas", "claims-canvas");
      map.getPane("claims").appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this.redraw, this);
      map.on("zoomstart", this._hide, this);
      this.redraw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this.redraw, this);
      map.off("zoomstart", this._hide, this);
      S.hits = [];
      setStatus();
    },
    _hide: function () {
      this._canvas.style.visibility = "hidden";
    },
    redraw: function () {
      if (!this._map) return;
      drawClaims(this._canvas);
      this._canvas.style.visibility = "visible";
    },
  });
  return new ClaimsLayer();
}

function drawCluster(ctx, x, y, count, ru, ua, recent) {
  var marker = S.style.marker;
  var r = Math.min(26, 11 + 4 * Math.log10(count));
  ctx.globalAlpha = recent ? 1 : S.style.faded_opacity + 0.15;
  var start = -Math.PI / 2;
  var parts = [
    [ru, sideColour(0)],
    [ua, sideColour(1)],
    [count - ru - ua, sideColour(S.style.sides.length)],
  ];
  parts.forEach(function (part) {
    if (!part[0]) return;
    var end = start + (2 * Math.PI * part[0]) / count;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.arc(x, y, r, start, end);
    ctx.closePath();
    ctx.fillStyle = part[1];
    ctx.fill();
    start = end;
  });
  ctx.beginPath();
  ctx.arc(x, y, r - 5, 0, 2 * Math.PI);
  ctx.fillStyle = marker.cluster_face;
  ctx.fill();
  ctx.fillStyle = marker.cluster_text;
  ctx.font = "bold 11px sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(count >= 10000 ? Math.round(count / 1000) + "k" : String(count), x, y + 0.5);
  ctx.globalAlpha = 1;
  return r;
}

// One ring around the marker per independent claimant beyond the first (at most three).
function drawSourceRings(ctx, x, y, count) {
  var rings = S.style.source_rings;
  ctx.lineWidth = rings.width;
  ctx.strokeStyle = rings.color;
  for (var k = 1; k < Math.min(count, rings.max + 1); k++) {
    ctx.beginPath();
    ctx.arc(x, y, radius() + rings.gap * k, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

function drawSingle(ctx, i, x, y, fresh, data) {
  var s = sprite(data.code[i], data);
  ctx.globalAlpha = fresh ? 1 : S.style.faded_opacity;
  ctx.drawImage(s.canvas, x - s.size / 2, y - s.size / 2, s.size, s.size);
  if (data.sources && data.sources[i] > 1) drawSourceRings(ctx, x, y, data.sources[i]);
  ctx.globalAlpha = 1;
  S.hits.push({ x: x, y: y, r: HIT, i: i });
}

function drawSelected(ctx, data, scale, offX, offY, asOf) {
  var sel = S.selected;
  if (!sel || sel.digest !== data.digest || sel.i >= data.n) return;
  if (data.visible[sel.i] > asOf) return;
  var x = data.mx[sel.i] * scale - offX;
  var y = data.my[sel.i] * scale - offY;
  ctx.beginPath();
  ctx.arc(x, y, radius() + 4, 0, 2 * Math.PI);
  ctx.lineWidth = 3;
  ctx.strokeStyle = S.style.marker.selected;
  ctx.stroke();
}

// A canvas the size of the map, at the device's pixel ratio, placed at the map's top left and
// cleared: what every canvas layer draws on.
export function fitCanvas(canvas, map) {
  var size = map.getSize();
  var dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(size.x * dpr);
  canvas.height = Math.round(size.y * dpr);
  canvas.style.width = size.x + "px";
  canvas.style.height = size.y + "px";
  var topLeft = map.containerPointToLayerPoint([0, 0]);
  window.L.DomUtil.setPosition(canvas, topLeft);
  var ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.x, size.y);
  return { size: size, topLeft: topLeft, ctx: ctx };
}

function drawClaims(canvas) {
  var map = S.map;
  var fit = fitCanvas(canvas, map);
  var size = fit.size;
  var topLeft = fit.topLeft;
  var ctx = fit.ctx;
  S.hits = [];
  var data = S.data;
  if (!data || !S.asOfIso) return;

  var zoom = map.getZoom();
  var scale = 256 * Math.pow(2, zoom);
  var origin = map.getPixelOrigin();
  var offX = origin.x + topLeft.x;
  var offY = origin.y + topLeft.y;
  var asOf = dayOf(S.asOfIso, data);
  var since = asOf - S.windowDays + 1;
  var W = size.x;
  var H = size.y;
  var cluster = zoom < CLUSTER_BELOW_ZOOM;
  var n = data.n;
  var vis = data.visible;
  var day = data.day;
  var mx = data.mx;
  var my = data.my;
  var shown = 0;
  var recent = 0;
  var drawn = 0;
  var reg = data.region;
  var x, y, i, r, c;
  S.drawParams = { scale: scale, offX: offX, offY: offY, asOf: asOf, cluster: cluster };
  var gx0 = Math.floor((offX - MARGIN) / CELL);
  var gy0 = Math.floor((offY - MARGIN) / CELL);
  S.drawParams.grid = [gx0, gy0, Math.ceil((W + 2 * MARGIN) / CELL) + 2];

  if (cluster) {
    // The grid is fixed to the world (not the screen): clusters stay put when panning.
    var gx = gx0;
    var gy = gy0;
    var cols = Math.ceil((W + 2 * MARGIN) / CELL) + 2;
    var rows = Math.ceil((H + 2 * MARGIN) / CELL) + 2;
    var cells = cols * rows;
    var count = new Int32Array(cells);
    var fresh = new Int32Array(cells);
    var ru = new Int32Array(cells);
    var ua = new Int32Array(cells);
    var sx = new Float64Array(cells);
    var sy = new Float64Array(cells);
    var last = new Int32Array(cells);
    var code = data.code;
    var shift = data.header.codes.side_shift;
    for (i = 0; i < n; i++) {
      if (vis[i] > asOf) continue;
      shown++;
      r = day[i] >= since;
      if (r) recent++;
      if (reg && reg[i] !== NO_REGION) {
        drawn++; // drawn as its region (region_claims.js), not as a pin
        continue;
      }
      x = mx[i] * scale - offX;
      y = my[i] * scale - offY;
      if (x < -MARGIN || y < -MARGIN || x > W + MARGIN || y > H + MARGIN) continue;
      c = (Math.floor((y + offY) / CELL) - gy) * cols + (Math.floor((x + offX) / CELL) - gx);
      count[c]++;
      if (r) fresh[c]++;
      var side = code[i] >> shift;
      if (side === 0) ru[c]++;
      else if (side === 1) ua[c]++;
      sx[c] += x;
      sy[c] += y;
      last[c] = i;
    }
    // Singles first (faded under fresh), clusters on top.
    for (var pass = 0; pass < 2; pass++) {
      for (c = 0; c < cells; c++) {
        if (count[c] !== 1) continue;
        i = last[c];
        r = day[i] >= since;
        if (r !== (pass === 1)) continue;
        drawSingle(ctx, i, mx[i] * scale - offX, my[i] * scale - offY, r, data);
        drawn++;
      }
    }
    for (c = 0; c < cells; c++) {
      if (count[c] < 2) continue;
      x = sx[c] / count[c];
      y = sy[c] / count[c];
      var radiusPx = drawCluster(ctx, x, y, count[c], ru[c], ua[c], fresh[c] > 0);
      S.hits.push({ x: x, y: y, r: radiusPx, cell: c, count: count[c] });
      drawn += count[c];
    }
  } else {
    for (i = 0; i < n; i++) {
      if (vis[i] > asOf) continue;
      shown++;
      r = day[i] >= since;
      if (r) recent++;
      if (reg && reg[i] !== NO_REGION) {
        drawn++; // drawn as its region (region_claims.js), not as a pin
        continue;
      }
      x = mx[i] * scale - offX;
      y = my[i] * scale - offY;
      if (x < -MARGIN || y < -MARGIN || x > W + MARGIN || y > H + MARGIN) continue;
      drawSingle(ctx, i, x, y, r, data);
      drawn++;
    }
  }
  drawSelected(ctx, data, scale, offX, offY, asOf);
  updateRegionClaims(asOf);
  var centre = map.getCenter();
  document.body.dataset.view = zoom + "/" + centre.lat.toFixed(5) + "/" + centre.lng.toFixed(5);
  S.counts = { shown: shown, recent: recent, drawn: drawn, asOf: S.asOfIso };
  setStatus();
}
