/* The legend, built from the page's style: every symbol, colour and word in it comes from
 * tracker/map_styles.py (set as text). */

import { S } from "./state.js";
import { textNode } from "./dom.js";
import { legendIcon, statusColour } from "./symbols.js";

function item(div, swatch, text) {
  var entry = textNode("span", "", "item");
  entry.appendChild(swatch);
  entry.appendChild(document.createTextNode(text));
  div.appendChild(entry);
}

// "#rrggbb" at an opacity, as a CSS colour (the swatch's border stays opaque).
function translucent(hex, opacity) {
  var n = parseInt(hex.slice(1), 16);
  return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + opacity + ")";
}

function swatch() {
  return textNode("span", "", "swatch");
}

export function buildLegend() {
  var style = S.style;
  var words = style.legend;
  var other = style.sides.length; // the grey of a side outside the vocabulary
  var div = document.createElement("div");
  div.className = "claims-box claims-legend";
  window.L.DomEvent.disableClickPropagation(div);
  div.appendChild(textNode("b", words.claims));
  div.appendChild(document.createElement("br"));
  style.sides.forEach(function (side, k) {
    item(div, legendIcon(k, -1), words.side.replace("{side}", side));
  });
  div.appendChild(document.createElement("br"));
  style.actions.forEach(function (action, k) {
    item(div, legendIcon(other, k, statusColour(0)), action);
  });
  div.appendChild(document.createElement("br"));
  div.appendChild(document.createTextNode(words.status));
  var burst = style.action_symbols.indexOf("burst");
  style.statuses.forEach(function (status, k) {
    item(div, legendIcon(other, burst, statusColour(k)), status);
  });
  div.appendChild(document.createElement("br"));
  div.appendChild(document.createTextNode(words.faded));
  div.appendChild(document.createElement("br"));

  var ringed = legendIcon(other, -1);
  ringed.classList.add("sources-swatch");
  ringed.style.outline = style.source_rings.width + "px solid " + style.source_rings.color;
  ringed.style.outlineOffset = "-3px";
  ringed.style.borderRadius = "50%";
  item(div, ringed, words.sources);
  var dimmed = legendIcon(other, burst, statusColour(0));
  dimmed.classList.add("proposals-swatch");
  dimmed.style.opacity = String(style.proposals.opacity);
  item(div, dimmed, words.proposals);
  div.appendChild(document.createElement("br"));

  var region = swatch();
  region.classList.add("region-claim-swatch");
  region.style.border = "2px dashed " + style.regions.color;
  region.style.background = translucent(style.side_colours[other], style.region_claim.fillOpacity);
  item(div, region, words.region_claim);
  div.appendChild(document.createElement("br"));

  div.appendChild(textNode("b", words.control));
  Object.keys(style.control).forEach(function (side) {
    var area = swatch();
    var hatch = style.control[side].hatch;
    area.style.background = hatch
      ? "repeating-linear-gradient(45deg, " + hatch + " 0 3px, transparent 3px 6px)"
      : style.control[side].fillColor;
    area.style.opacity = "0.7";
    item(div, area, hatch ? side.replace("-", " ") : side);
  });
  var blank = swatch();
  blank.style.border = "1px dashed " + style.unknown_colour;
  item(div, blank, words.unknown);
  var line = swatch();
  line.style.height = "0";
  line.style.borderTop = style.frontline.weight + "px solid " + style.frontline.color;
  item(div, line, words.frontline);
  return div;
}
