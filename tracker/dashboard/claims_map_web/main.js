/* The claims map of Frontline Tracker: a Streamlit component (ES modules, no build step).
 *
 * The page sends small arguments (the as-of date, the window, file URLs) and the style every
 * colour and symbol is drawn with (tracker/map_styles.py); the claims of the selection come
 * once per selection as a gzipped columnar file (tracker/map_payload.py) and are drawn on one
 * canvas (claims_layer.js). Moving the date only changes which claims are drawn (update.js).
 * Control areas, the frontline and the oblasts are SVG layers from gzipped GeoJSON files
 * (areas.js). Report text is only ever put in the page as text nodes (dom.js).
 *
 * A click on a claim opens its popup and reports {i, digest, seq} to Streamlit (popup.js),
 * which then shows the record under the map and sends the quote and source back as `detail`.
 */

import { S } from "./state.js";
import { onRender, setHeight } from "./protocol.js";
import { fetchGzip, fetchJson, fetchOnce, loadAssets } from "./loading.js";
import { createMap } from "./map_setup.js";
import { update } from "./update.js";
import { showError } from "./status.js";
import { probe } from "./probe.js";

var booted = null;

function render(args) {
  S.args = args;
  setHeight(args.height || 560);
  if (!booted) {
    S.style = args.style;
    // The files download while Leaflet loads.
    if (args.claims && args.claims.url) fetchOnce(args.claims.url, fetchGzip);
    if (args.regions_url) fetchOnce(args.regions_url, fetchJson);
    booted = loadAssets(args.assets || {}).then(function () {
      createMap(args);
    });
  }
  booted
    .then(function () {
      update(args);
    })
    .catch(showError);
}

window.claimsMap = probe;
onRender(render);
