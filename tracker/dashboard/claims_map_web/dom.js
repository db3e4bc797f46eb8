/* Report text only ever enters the page as text nodes; links are http(s) only. */

export function textNode(tag, text, className) {
  var el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text == null ? "" : String(text);
  return el;
}

export function safeUrl(url) {
  if (typeof url !== "string") return null;
  var trimmed = url.trim();
  return /^https?:\/\//i.test(trimmed) ? trimmed : null;
}
