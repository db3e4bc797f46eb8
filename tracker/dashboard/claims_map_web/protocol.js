/* The Streamlit component protocol (API v1, spoken directly). */

import { S } from "./state.js";

export function post(type, extra) {
  var message = { isStreamlitMessage: true, type: type };
  for (var k in extra || {}) message[k] = extra[k];
  window.parent.postMessage(message, "*");
}

export function onRender(render) {
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    var message = event.data;
    if (message && message.type === "streamlit:render") render(message.args || {});
  });
  post("streamlit:componentReady", { apiVersion: 1 });
}

export function setHeight(height) {
  post("streamlit:setFrameHeight", { height: height });
}

// A claim chosen in the map (click, popup pager, region): Streamlit shows its record.
export function report(i) {
  S.seq += 1;
  post("streamlit:setComponentValue", {
    value: { i: i, digest: S.data.digest, seq: S.seq },
    dataType: "json",
  });
}
