/* Clicks on the canvas: a claim opens its popup (with a pager through the claims drawn at
 * the same spot) and is reported to Streamlit; a cluster zooms in, or lists its claims when
 * they are all at one place. */

import { S } from "./state.js";
import { describe, latLngOf, NO_REGION } from "./payload.js";
import { safeUrl, textNode } from "./dom.js";
import { report } from "./protocol.js";
import { CELL, CLUSTER_BELOW_ZOOM, HIT, MARGIN } from "./claims_layer.js";

export function hitAt(point) {
  var best = null;
  var bestDistance = Infinity;
  for (var k = S.hits.length - 1; k >= 0; k--) {
    var h = S.hits[k];
    var d = Math.hypot(h.x - point.x, h.y - point.y);
    if (d <= h.r && d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return best;
}

export function onMove(event) {
  if (!S.map.hasLayer(S.claimsLayer)) return;
  S.map.getContainer().style.cursor = hitAt(event.containerPoint) ? "pointer" : "";
}

// Every claim drawn within `radius` px of the point, newest first.
function claimsNear(point, radius) {
  var p = S.drawParams;
  var data = S.data;
  var out = [];
  for (var i = data.n - 1; i >= 0; i--) {
    if (data.visible[i] > p.asOf) continue;
    if (data.region && data.region[i] !== NO_REGION) continue; // drawn as its region
    var x = data.mx[i] * p.scale - p.offX;
    var y = data.my[i] * p.scale - p.offY;
    if (Math.abs(x - point.x) <= radius && Math.abs(y - point.y) <= radius) out.push(i);
  }
  return out;
}

function clusterMembers(hit) {
  var p = S.drawParams;
  var data = S.data;
  var out = [];
  for (var i = data.n - 1; i >= 0; i--) {
    if (data.visible[i] > p.asOf) continue;
    if (data.region && data.region[i] !== NO_REGION) continue; // drawn as its region
    var x = data.mx[i] * p.scale - p.offX;
    var y = data.my[i] * p.scale - p.offY;
    if (x < -MARGIN || y < -MARGIN) continue;
    var g = p.grid;
    var c =
      (Math.floor((y + p.offY) / CELL) - g[1]) * g[2] + (Math.floor((x + p.offX) / CELL) - g[0]);
    if (c === hit.cell) out.push(i);
  }
  return out;
}

export function onClick(event) {
  if (!S.data || !S.map.hasLayer(S.claimsLayer)) return;
  var hit = hitAt(event.containerPoint);
  if (!hit) return;
  if (hit.i === undefined) {
    var members = clusterMembers(hit);
    var data = S.data;
    var south = Infinity,
      north = -Infinity,
      west = Infinity,
      east = -Infinity;
    members.forEach(function (i) {
      south = Math.min(south, data.lat[i]);
      north = Math.max(north, data.lat[i]);
      west = Math.min(west, data.lon[i]);
      east = Math.max(east, data.lon[i]);
    });
    var k = data.header.scale;
    if (north - south < 2 && east - west < 2) {
      // All at one place (within 2e-4 degrees): list them rather than zoom.
      openPopup(members, window.L.latLng(south / k, west / k));
      return;
    }
    var bounds = window.L.latLngBounds([south / k, west / k], [north / k, east / k]);
    S.map.fitBounds(bounds.pad(0.1), { maxZoom: CLUSTER_BELOW_ZOOM });
    return;
  }
  // The claim hit first, then the others drawn at about the same spot (newest first).
  var list = claimsNear(event.containerPoint, HIT).filter(function (i) {
    return i !== hit.i;
  });
  list.unshift(hit.i);
  openPopup(list, window.L.latLng(latLngOf(hit.i, S.data)));
}

function openPopup(list, latlng) {
  S.popupList = list;
  S.popupPos = 0;
  S.popup = window.L.popup({ maxWidth: 360, autoPanPadding: [20, 20] })
    .setLatLng(latlng)
    .setContent(popupContent())
    .openOn(S.map);
  report(list[0]);
}

export function onPopupClose(event) {
  if (event.popup === S.popup) {
    S.popup = null;
    S.popupList = null;
  }
}

export function refreshPopup() {
  if (S.popup && S.popupList && S.data) S.popup.setContent(popupContent());
}

function popupContent() {
  var data = S.data;
  var list = S.popupList;
  var i = list[S.popupPos];
  var claim = describe(i, data);
  var root = document.createElement("div");
  root.className = "claim-popup";
  root.dataset.claim = String(i);

  var title = document.createElement("div");
  title.appendChild(textNode("b", claim.name));
  title.appendChild(document.createTextNode(" · " + claim.date));
  root.appendChild(title);

  var what = document.createElement("div");
  what.appendChild(document.createTextNode(claim.side + " " + claim.action + " · "));
  what.appendChild(textNode("i", claim.status));
  root.appendChild(what);
  root.appendChild(textNode("div", "Claimant: " + claim.claimant));

  var detail = S.details[data.digest + ":" + i];
  if (detail) {
    if (detail.quote) root.appendChild(textNode("blockquote", "“" + detail.quote + "”"));
    var url = safeUrl(detail.source_url);
    if (url) {
      var line = document.createElement("div");
      line.appendChild(document.createTextNode("Source: "));
      var link = textNode("a", detail.source_name || url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.appendChild(link);
      root.appendChild(line);
    } else if (detail.source_name) {
      root.appendChild(textNode("div", "Source: " + detail.source_name));
    }
  } else {
    root.appendChild(textNode("div", "Loading the quote and source…", "muted"));
  }

  if (list.length > 1) {
    var pager = document.createElement("div");
    pager.className = "pager";
    var prev = textNode("button", "◀");
    var next = textNode("button", "▶");
    prev.disabled = S.popupPos === 0;
    next.disabled = S.popupPos === list.length - 1;
    prev.onclick = function (e) {
      e.stopPropagation();
      page(-1);
    };
    next.onclick = function (e) {
      e.stopPropagation();
      page(1);
    };
    pager.appendChild(prev);
    pager.appendChild(
      document.createTextNode(
        " " + (S.popupPos + 1) + " of " + list.length.toLocaleString("en") + " here "
      )
    );
    pager.appendChild(next);
    root.appendChild(pager);
  }
  return root;
}

function page(step) {
  S.popupPos = Math.max(0, Math.min(S.popupList.length - 1, S.popupPos + step));
  refreshPopup();
  report(S.popupList[S.popupPos]);
}
