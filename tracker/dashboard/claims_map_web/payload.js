/* The claims payload (tracker/map_payload.py): columns, days, codes. */

var TYPED = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, i4: Int32Array };
var DAY_MS = 86400000;
export var NO_REGION = 0xffff; // a claim drawn as a marker, not as its region

export function decodePayload(buffer, digest) {
  var bytes = new Uint8Array(buffer);
  var magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== "FTC1") throw new Error("not a claims payload");
  var length = new DataView(buffer).getUint32(4, true);
  var header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  var n = header.n;
  var start = (8 + length + 3) & ~3;
  var col = {};
  header.columns.forEach(function (c) {
    col[c.name] = new TYPED[c.dtype](buffer, start + c.offset, n);
  });
  var mx = new Float64Array(n);
  var my = new Float64Array(n);
  var visible = new Int32Array(n);
  var lat, phi;
  for (var i = 0; i < n; i++) {
    lat = Math.max(-85.0511287798, Math.min(85.0511287798, col.lat[i] / header.scale));
    phi = (lat * Math.PI) / 180;
    mx[i] = col.lon[i] / header.scale / 360 + 0.5;
    my[i] = 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
    visible[i] = col.day[i] + col.lag[i];
  }
  var o = header.origin.split("-").map(Number);
  return {
    n: n,
    digest: digest,
    header: header,
    originMs: Date.UTC(o[0], o[1] - 1, o[2]),
    lat: col.lat,
    lon: col.lon,
    day: col.day,
    code: col.code,
    name: col.name,
    claimant: col.claimant,
    region: col.region || null, // region-level claims: the region drawn for them
    sources: col.sources || null, // independent claimants per claim (absent: one each)
    visible: visible,
    mx: mx,
    my: my,
  };
}

export function dayOf(iso, data) {
  var p = iso.split("-").map(Number);
  return Math.round((Date.UTC(p[0], p[1] - 1, p[2]) - data.originMs) / DAY_MS);
}

export function isoOf(day, data) {
  return new Date(data.originMs + day * DAY_MS).toISOString().slice(0, 10);
}

export function sideOf(code, data) {
  return code >> data.header.codes.side_shift;
}

export function actionOf(code, data) {
  return (code >> data.header.codes.action_shift) & 7;
}

export function statusOf(code, data) {
  return code & ((1 << data.header.codes.action_shift) - 1);
}

export function word(list, k) {
  return k < list.length ? list[k] : "other";
}

export function latLngOf(i, data) {
  return [data.lat[i] / data.header.scale, data.lon[i] / data.header.scale];
}

// The claim as words (what a popup and the test hooks show).
export function describe(i, data) {
  var h = data.header;
  var code = data.code[i];
  return {
    name: h.names[data.name[i]],
    date: isoOf(data.day[i], data),
    side: word(h.sides, sideOf(code, data)),
    action: word(h.actions, actionOf(code, data)),
    status: word(h.statuses, statusOf(code, data)),
    claimant: h.claimants[data.claimant[i]],
    sources: data.sources ? data.sources[i] : 1,
    lat: data.lat[i] / h.scale,
    lon: data.lon[i] / h.scale,
  };
}
