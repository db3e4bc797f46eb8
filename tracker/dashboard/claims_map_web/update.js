/* What each message from the page changes: the as-of date and the highlighted days (the
 * claims are redrawn, nothing fetched), the selection's claims file, the oblasts and the
 * control areas of the date (fetched once each, after the claims are drawn). */

import { S } from "./state.js";
import { decodePayload, dayOf } from "./payload.js";
import { fetchGzip, fetchJson, fetchOnce, fetchWhenReady, forget } from "./loading.js";
import { setControl, setRegions } from "./areas.js";
import { updateRegionClaims } from "./region_claims.js";
import { refreshPopup } from "./popup.js";
import { setStatus, showError } from "./status.js";

var resolveClaimsShown;
// Oblasts and control areas are added once the claims are drawn (they are the slower part
// to build and the claims are what the page is for).
var claimsShown = new Promise(function (resolve) {
  resolveClaimsShown = resolve;
});

export function update(args) {
  S.windowDays = args.window || 7;
  S.asOfIso = args.as_of;
  S.selected = args.selected || null;
  if (args.detail) S.details[args.detail.digest + ":" + args.detail.i] = args.detail;
  updateClaims(args.claims || {});
  updateProposals(args.proposals || null);
  updateRegions(args.regions_url);
  updateControl(args.control_url || null);
  refreshPopup();
}

function updateClaims(claims) {
  if (!claims.url || claims.url === S.dataUrl) {
    S.claimsLayer.redraw();
    setStatus();
    return;
  }
  S.dataUrl = claims.url;
  S.data = null;
  S.error = null;
  setStatus("Loading claims…");
  var claimsUrl = claims.url;
  fetchOnce(claimsUrl, fetchGzip)
    .then(function (buffer) {
      forget(claimsUrl); // decoded below; a later selection fetches anew
      if (S.dataUrl !== claimsUrl) return;
      S.data = decodePayload(buffer, claims.digest);
      if (S.popup) S.map.closePopup(S.popup);
      S.claimsLayer.redraw();
      setStatus();
      resolveClaimsShown();
    })
    .catch(function (error) {
      resolveClaimsShown();
      showError(error);
    });
}

// The review queue's claims, a dimmed layer of their own: on when the page sends them.
function updateProposals(proposals) {
  var layer = S.proposalsLayer;
  if (!proposals) {
    S.proposalsUrl = null;
    S.proposals = null;
    if (S.map.hasLayer(layer)) S.map.removeLayer(layer);
    return;
  }
  if (!S.map.hasLayer(layer)) layer.addTo(S.map);
  if (proposals.url === S.proposalsUrl) {
    layer.redraw();
    return;
  }
  S.proposalsUrl = proposals.url;
  var url = proposals.url;
  fetchOnce(url, fetchGzip)
    .then(function (buffer) {
      forget(url);
      if (S.proposalsUrl !== url) return;
      S.proposals = decodePayload(buffer, proposals.digest);
      layer.redraw();
    })
    .catch(showError);
}

function updateRegions(regionsUrl) {
  if (!regionsUrl || regionsUrl === S.regionsUrl) return;
  S.regionsUrl = regionsUrl;
  Promise.all([fetchOnce(regionsUrl, fetchJson), claimsShown])
    .then(function (done) {
      if (S.regionsUrl !== regionsUrl) return;
      setRegions(done[0]);
      if (S.data && S.asOfIso) updateRegionClaims(dayOf(S.asOfIso, S.data));
    })
    .catch(showError);
}

function updateControl(controlUrl) {
  if (controlUrl === S.controlUrl) return;
  S.controlUrl = controlUrl;
  if (!controlUrl) {
    setControl({ areas: { features: [] }, frontline: { features: [] } });
    return;
  }
  var wanted = function () {
    return S.controlUrl === controlUrl;
  };
  Promise.all([fetchWhenReady(controlUrl, wanted, 600), claimsShown])
    .then(function (done) {
      if (done[0] && wanted()) setControl(done[0]);
    })
    .catch(showError);
}
