/* Claim symbols: a disc in the side's colour with the action's shape in the status's colour.
 * Every colour and which shape an action has come from the page (S.style); this module only
 * knows how to draw each named shape. */

import { S } from "./state.js";
import { actionOf, sideOf, statusOf } from "./payload.js";

export function sideColour(k) {
  var colours = S.style.side_colours || [];
  return k < colours.length ? colours[k] : colours[colours.length - 1];
}

// A status outside the vocabulary is drawn as the first status (claimed).
export function statusColour(k) {
  var colours = S.style.status_colours || [];
  return k < colours.length ? colours[k] : colours[0];
}

export function radius() {
  return S.style.marker.radius;
}

// Shapes in a box of about ±4.5 px around (0, 0).
var SHAPES = {
  "arrow-right": function (ctx) {
    ctx.moveTo(-3.5, -4);
    ctx.lineTo(4.5, 0);
    ctx.lineTo(-3.5, 4);
    ctx.closePath();
    ctx.fill();
  },
  flag: function (ctx) {
    ctx.moveTo(-3.5, 4.5);
    ctx.lineTo(-3.5, -4.5);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(-3, -4.5);
    ctx.lineTo(4.5, -2.2);
    ctx.lineTo(-3, 0.5);
    ctx.closePath();
    ctx.fill();
  },
  shield: function (ctx) {
    ctx.moveTo(-4, -4);
    ctx.lineTo(4, -4);
    ctx.lineTo(4, 0);
    ctx.lineTo(0, 4.5);
    ctx.lineTo(-4, 0);
    ctx.closePath();
    ctx.fill();
  },
  burst: function (ctx) {
    for (var k = 0; k < 16; k++) {
      var r = k % 2 ? 2 : 5;
      var a = (k * Math.PI) / 8;
      if (k) ctx.lineTo(r * Math.cos(a), r * Math.sin(a));
      else ctx.moveTo(r, 0);
    }
    ctx.closePath();
    ctx.fill();
  },
  bar: function (ctx) {
    ctx.fillRect(-1, -4.5, 2.8, 9);
    ctx.fillRect(-4.5, -1, 3.5, 2);
  },
  "arrow-left": function (ctx) {
    ctx.moveTo(3.5, -4);
    ctx.lineTo(-4.5, 0);
    ctx.lineTo(3.5, 4);
    ctx.closePath();
    ctx.fill();
  },
  cross: function (ctx) {
    ctx.lineWidth = 2.2;
    ctx.moveTo(-3.5, -3.5);
    ctx.lineTo(3.5, 3.5);
    ctx.moveTo(3.5, -3.5);
    ctx.lineTo(-3.5, 3.5);
    ctx.stroke();
  },
  dot: function (ctx) {
    ctx.arc(0, 0, 2, 0, 2 * Math.PI);
    ctx.fill();
  },
};

// The shape of action code k (an action outside the vocabulary: a dot).
function glyph(ctx, action, colour) {
  var name = (S.style.action_symbols || [])[action];
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.8;
  ctx.lineCap = "round";
  ctx.beginPath();
  (SHAPES[name] || SHAPES.dot)(ctx);
}

// A canvas of `size` px with the marker's disc as its current path (to fill, stroke).
function disc(size) {
  var dpr = window.devicePixelRatio || 1;
  var canvas = document.createElement("canvas");
  canvas.width = size * dpr;
  canvas.height = size * dpr;
  var ctx = canvas.getContext("2d");
  ctx.scale(dpr, dpr);
  ctx.translate(size / 2, size / 2);
  ctx.beginPath();
  ctx.arc(0, 0, radius(), 0, 2 * Math.PI);
  return { canvas: canvas, ctx: ctx };
}

// The symbol of a claim code, drawn once and kept.
export function sprite(code, data) {
  if (S.sprites[code]) return S.sprites[code];
  var size = 2 * radius() + 4;
  var d = disc(size);
  d.ctx.fillStyle = sideColour(sideOf(code, data));
  d.ctx.fill();
  d.ctx.lineWidth = S.style.marker.outline_width;
  d.ctx.strokeStyle = S.style.marker.outline;
  d.ctx.stroke();
  glyph(d.ctx, actionOf(code, data), statusColour(statusOf(code, data)));
  S.sprites[code] = { canvas: d.canvas, size: size };
  return S.sprites[code];
}

// A symbol for the legend (action < 0: the disc alone).
export function legendIcon(side, action, colour) {
  var size = 2 * radius() + 4;
  var d = disc(size);
  d.canvas.style.width = size + "px";
  d.canvas.style.height = size + "px";
  d.ctx.fillStyle = sideColour(side);
  d.ctx.fill();
  if (action >= 0) glyph(d.ctx, action, colour);
  return d.canvas;
}
