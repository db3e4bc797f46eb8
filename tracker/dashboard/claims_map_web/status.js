/* The status box (claims shown as of the date, or the error) and the page's data-* marks
 * that say what is drawn (read by the browser tests and the benchmark from outside). */

import { S } from "./state.js";
import { textNode } from "./dom.js";

export function setStatus(text) {
  var el = S.status;
  if (!el) return;
  if (S.error) {
    el.textContent = S.error;
    el.classList.add("error");
    return;
  }
  el.classList.remove("error");
  var body = document.body.dataset;
  if (text) {
    el.textContent = text;
    body.ready = "0";
    return;
  }
  if (!S.data || !S.counts) return;
  var c = S.counts;
  var onMap = S.map.hasLayer(S.claimsLayer);
  el.textContent = onMap
    ? c.shown.toLocaleString("en") +
      " claims as of " +
      c.asOf +
      " · " +
      c.recent.toLocaleString("en") +
      " in the last " +
      S.windowDays +
      (S.windowDays === 1 ? " day" : " days")
    : "Claims layer hidden";
  el.dataset.shown = String(c.shown);
  el.dataset.recent = String(c.recent);
  el.dataset.drawn = String(onMap ? c.drawn : 0);
  el.dataset.asOf = c.asOf;
  el.dataset.window = String(S.windowDays);
  el.dataset.digest = S.data.digest;
  body.state = S.data.digest + "|" + c.asOf + "|" + S.windowDays;
  body.ready = "1";
}

export function showError(error) {
  S.error = "Map error: " + (error && error.message ? error.message : String(error));
  if (S.status) setStatus();
  else document.body.appendChild(textNode("div", S.error));
  if (window.console) console.error(error);
}
