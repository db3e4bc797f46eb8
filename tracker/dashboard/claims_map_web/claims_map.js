/* The claims map of Frontline Tracker: a Streamlit component (API v1, spoken directly).
 *
 * The page sends small arguments (the as-of date, the window, file URLs); the claims of the
 * selection come once per selection as a gzipped columnar file (tracker/map_payload.py) and
 * are drawn on one canvas, clustered on a screen grid below CLUSTER_BELOW_ZOOM. Moving the
 * date only changes which claims are drawn. Control areas, the frontline and the oblasts are
 * SVG layers from gzipped GeoJSON files. Report text (names, claimants, quotes, sources) is
 * only ever put in the page as text nodes; links are http(s) only.
 *
 * A click on a claim opens its popup and reports {i, digest, seq} to Streamlit, which then
 * shows the record under the map and sends the quote and source back as `detail`.
 */
(function () {
  "use strict";

  var FADED = 0.4;
  var CLUSTER_BELOW_ZOOM = 10;
  var CELL = 56; // px, cluster grid
  var MARGIN = 24; // px drawn beyond the edges
  var HIT = 10; // px, click radius of a single claim
  var R = 8; // px, marker radius
  var DAY_MS = 86400000;

  var S = {
    args: null,
    map: null,
    claimsLayer: null,
    data: null,
    dataUrl: null,
    asOfIso: null,
    windowDays: 7,
    selected: null,
    controlUrl: null,
    notice: null,
    regionsUrl: null,
    control: {},
    frontline: null,
    regions: null,
    sprites: {},
    hits: [],
    drawParams: null,
    popup: null,
    popupList: null,
    popupPos: 0,
    details: {},
    seq: 0,
    status: null,
    error: null,
  };

  // -- the Streamlit component protocol --------------------------------------------------------

  function post(type, extra) {
    var message = { isStreamlitMessage: true, type: type };
    for (var k in extra || {}) message[k] = extra[k];
    window.parent.postMessage(message, "*");
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    var message = event.data;
    if (message && message.type === "streamlit:render") render(message.args || {});
  });

  var booted = null;
  var fetches = {};
  var resolveClaimsShown;
  // Oblasts and control areas are added once the claims are drawn (they are the slower part
  // to build and the claims are what the page is for).
  var claimsShown = new Promise(function (resolve) {
    resolveClaimsShown = resolve;
  });

  function render(args) {
    S.args = args;
    post("streamlit:setFrameHeight", { height: args.height || 560 });
    if (!booted) {
      // The files download while Leaflet loads.
      if (args.claims && args.claims.url) fetchOnce(args.claims.url, fetchGzip);
      if (args.regions_url) fetchOnce(args.regions_url, fetchJson);
      booted = boot(args);
    }
    booted
      .then(function () {
        update(args);
      })
      .catch(showError);
  }

  function fetchOnce(url, how) {
    if (!fetches[url]) {
      fetches[url] = how(url);
      fetches[url].catch(function () {
        delete fetches[url];
      });
    }
    return fetches[url];
  }

  // -- loading ---------------------------------------------------------------------------------

  function loadCss(href) {
    return new Promise(function (resolve) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = resolve;
      link.onerror = resolve; // the map still works unstyled
      document.head.appendChild(link);
    });
  }

  function loadJs(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(script);
    });
  }

  function boot(args) {
    var assets = args.assets || {};
    var styles = Promise.all((assets.css || []).map(loadCss));
    var scripts = (assets.js || []).reduce(function (chain, src) {
      return chain.then(function () {
        return loadJs(src);
      });
    }, Promise.resolve());
    return Promise.all([styles, scripts]).then(function () {
      createMap(args);
    });
  }

  function fetchGzip(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
      var stream = response.body.pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer();
    });
  }

  function fetchJson(url) {
    return fetchGzip(url).then(function (buffer) {
      return JSON.parse(new TextDecoder().decode(buffer));
    });
  }

  function fetchWhenReady(url, wanted, tries) {
    // Control areas are written after the map is sent: a 404 means "not yet".
    return fetch(url).then(function (response) {
      if (!wanted()) return null;
      if (response.status === 404 && tries > 0) {
        return new Promise(function (resolve) {
          setTimeout(resolve, 100);
        }).then(function () {
          return fetchWhenReady(url, wanted, tries - 1);
        });
      }
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
      var stream = response.body.pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).json();
    });
  }

  // -- the claims payload ----------------------------------------------------------------------

  var TYPED = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, i4: Int32Array };

  function decodePayload(buffer, digest) {
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
      visible: visible,
      mx: mx,
      my: my,
    };
  }

  function dayOf(iso, data) {
    var p = iso.split("-").map(Number);
    return Math.round((Date.UTC(p[0], p[1] - 1, p[2]) - data.originMs) / DAY_MS);
  }

  function isoOf(day, data) {
    return new Date(data.originMs + day * DAY_MS).toISOString().slice(0, 10);
  }

  function sideOf(code, data) {
    return code >> data.header.codes.side_shift;
  }

  function actionOf(code, data) {
    return (code >> data.header.codes.action_shift) & 7;
  }

  function statusOf(code, data) {
    return code & ((1 << data.header.codes.action_shift) - 1);
  }

  function word(list, k) {
    return k < list.length ? list[k] : "other";
  }

  // -- the map ---------------------------------------------------------------------------------

  function createMap(args) {
    var L = window.L;
    var map = L.map("map", { center: args.center, zoom: args.zoom, zoomControl: true });
    S.map = map;
    L.control.scale().addTo(map);
    var base = {};
    (args.tiles || []).forEach(function (t, k) {
      var layer = L.tileLayer(t.url, { attribution: t.attribution, maxZoom: 18 });
      base[t.name] = layer;
      if (k === 0) layer.addTo(map);
    });
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
    S.claimsLayer = new ClaimsLayer();
    S.claimsLayer.addTo(map);
    keepShapesOutOfTabOrder(map);

    var style = args.style || {};
    S.regions = L.geoJSON(null, {
      style: function () {
        return { color: "#555", weight: 1, fill: false };
      },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(function () {
          return textNode("span", feature.properties.name);
        });
      },
    }).addTo(map);

    addHatches(style.control || {});
    var names = args.layer_names || {};
    var overlays = {};
    overlays[names.claims || "Claims"] = S.claimsLayer;
    overlays[names.regions || "Oblast boundaries"] = S.regions;
    S.regionClaims = L.featureGroup().addTo(map);
    overlays[names.region_claims || "Region-level claims"] = S.regionClaims;
    (names.control || []).forEach(function (entry) {
      var side = entry[0];
      var areaStyle = (style.control || {})[side] || {};
      var layer = L.geoJSON(null, {
        style: function () {
          return Object.assign({}, areaStyle, { className: "control-area control-" + side });
        },
        onEachFeature: labelTooltip,
      });
      S.control[side] = layer.addTo(map);
      overlays[entry[1]] = layer;
    });
    if (names.frontline) {
      S.frontline = L.geoJSON(null, {
        style: function () {
          return Object.assign({}, style.frontline || {}, { className: "frontline" });
        },
        onEachFeature: labelTooltip,
      }).addTo(map);
      overlays[names.frontline] = S.frontline;
    }
    S.overlayControl = L.control.layers(base, overlays, { collapsed: false }).addTo(map);

    var status = L.control({ position: "bottomright" });
    status.onAdd = function () {
      S.status = L.DomUtil.create("div", "claims-box claims-status");
      S.status.textContent = "Loading claims…";
      return S.status;
    };
    status.addTo(map);

    var legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      return buildLegend(args);
    };
    legend.addTo(map);

    // What the map must say when its control picture is partial (no baseline).
    var notice = L.control({ position: "topright" });
    notice.onAdd = function () {
      S.notice = L.DomUtil.create("div", "claims-box claims-notice");
      S.notice.style.display = "none";
      return S.notice;
    };
    notice.addTo(map);

    map.on("click", onClick);
    map.on("mousemove", onMove);
    map.on("popupclose", function (event) {
      if (event.popup === S.popup) {
        S.popup = null;
        S.popupList = null;
      }
    });
  }

  // SVG stripe patterns for the claimed-only layer (styles with a `hatch` colour fill with
  // url(#hatch-<side>)); Leaflet's SVG paths find them by id in the document.
  function addHatches(styles) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "0");
    svg.setAttribute("height", "0");
    svg.style.position = "absolute";
    var defs = document.createElementNS(ns, "defs");
    Object.keys(styles).forEach(function (key) {
      var colour = styles[key].hatch;
      if (!colour) return;
      var pattern = document.createElementNS(ns, "pattern");
      pattern.setAttribute("id", "hatch-" + key.replace(/^claimed-/, ""));
      pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", "8");
      pattern.setAttribute("height", "8");
      pattern.setAttribute("patternTransform", "rotate(45)");
      var stripe = document.createElementNS(ns, "rect");
      stripe.setAttribute("width", "3");
      stripe.setAttribute("height", "8");
      stripe.setAttribute("fill", colour);
      stripe.setAttribute("fill-opacity", "0.8");
      pattern.appendChild(stripe);
      defs.appendChild(pattern);
    });
    svg.appendChild(defs);
    document.body.appendChild(svg);
  }

  function labelTooltip(feature, layer) {
    var label = (feature.properties || {}).label;
    if (label) {
      layer.bindTooltip(function () {
        return textNode("span", label);
      });
    }
  }

  function update(args) {
    S.windowDays = args.window || 7;
    S.asOfIso = args.as_of;
    S.selected = args.selected || null;
    if (args.detail) S.details[args.detail.digest + ":" + args.detail.i] = args.detail;

    var claims = args.claims || {};
    if (claims.url && claims.url !== S.dataUrl) {
      S.dataUrl = claims.url;
      S.data = null;
      S.error = null;
      setStatus("Loading claims…");
      var claimsUrl = claims.url;
      fetchOnce(claimsUrl, fetchGzip)
        .then(function (buffer) {
          delete fetches[claimsUrl]; // decoded below; a later selection fetches anew
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
    } else {
      S.claimsLayer.redraw();
      setStatus();
    }

    if (args.regions_url && args.regions_url !== S.regionsUrl) {
      S.regionsUrl = args.regions_url;
      var regionsUrl = args.regions_url;
      Promise.all([fetchOnce(regionsUrl, fetchJson), claimsShown])
        .then(function (done) {
          if (S.regionsUrl !== regionsUrl) return;
          S.regions.clearLayers();
          S.regions.addData(done[0]);
          S.regionData = done[0];
          S.regionClaimsKey = null;
          if (S.data && S.asOfIso) updateRegionClaims(dayOf(S.asOfIso, S.data));
        })
        .catch(showError);
    }

    var controlUrl = args.control_url || null;
    if (controlUrl !== S.controlUrl) {
      S.controlUrl = controlUrl;
      if (!controlUrl) {
        setControl({ areas: { features: [] }, frontline: { features: [] } });
      } else {
        var wanted = function () {
          return S.controlUrl === controlUrl;
        };
        Promise.all([fetchWhenReady(controlUrl, wanted, 600), claimsShown])
          .then(function (done) {
            if (done[0] && wanted()) setControl(done[0]);
          })
          .catch(showError);
      }
    }
    refreshPopup();
  }

  function setControl(payload) {
    var bySide = {};
    ((payload.areas || {}).features || []).forEach(function (f) {
      bySide[f.properties.side] = f;
    });
    Object.keys(S.control).forEach(function (side) {
      var layer = S.control[side];
      layer.clearLayers();
      if (bySide[side]) layer.addData(bySide[side]);
    });
    if (S.frontline) {
      S.frontline.clearLayers();
      var lines = ((payload.frontline || {}).features || []).filter(function (f) {
        return f.geometry && f.geometry.coordinates && f.geometry.coordinates.length;
      });
      if (lines.length) S.frontline.addData({ type: "FeatureCollection", features: lines });
    }
    if (S.notice) {
      S.notice.textContent = payload.notice || "";
      S.notice.style.display = payload.notice ? "" : "none";
    }
    document.body.dataset.control = S.controlUrl || "";
  }

  // -- drawing ---------------------------------------------------------------------------------

  var SIDE_FILL = ["#d63e2a", "#38aadd", "#888888"];

  function statusColour(k) {
    var colours = ((S.args || {}).style || {}).status_colours || [];
    return colours[k] || "#ffffff";
  }

  function sideColour(k) {
    var colours = ((S.args || {}).style || {}).side_colours || SIDE_FILL;
    return colours[k] || SIDE_FILL[2];
  }

  function glyph(ctx, action, colour) {
    // Action shapes in a box of about ±4.5 px around (0, 0).
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.8;
    ctx.lineCap = "round";
    ctx.beginPath();
    switch (action) {
      case 0: // advance: arrow right
        ctx.moveTo(-3.5, -4);
        ctx.lineTo(4.5, 0);
        ctx.lineTo(-3.5, 4);
        ctx.closePath();
        ctx.fill();
        break;
      case 1: // capture: flag
        ctx.moveTo(-3.5, 4.5);
        ctx.lineTo(-3.5, -4.5);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(-3, -4.5);
        ctx.lineTo(4.5, -2.2);
        ctx.lineTo(-3, 0.5);
        ctx.closePath();
        ctx.fill();
        break;
      case 2: // control: shield
        ctx.moveTo(-4, -4);
        ctx.lineTo(4, -4);
        ctx.lineTo(4, 0);
        ctx.lineTo(0, 4.5);
        ctx.lineTo(-4, 0);
        ctx.closePath();
        ctx.fill();
        break;
      case 3: // attack: burst
        for (var k = 0; k < 16; k++) {
          var r = k % 2 ? 2 : 5;
          var a = (k * Math.PI) / 8;
          if (k) ctx.lineTo(r * Math.cos(a), r * Math.sin(a));
          else ctx.moveTo(r, 0);
        }
        ctx.closePath();
        ctx.fill();
        break;
      case 4: // repel: a bar across
        ctx.fillRect(-1, -4.5, 2.8, 9);
        ctx.fillRect(-4.5, -1, 3.5, 2);
        break;
      case 5: // withdraw: arrow left
        ctx.moveTo(3.5, -4);
        ctx.lineTo(-4.5, 0);
        ctx.lineTo(3.5, 4);
        ctx.closePath();
        ctx.fill();
        break;
      case 6: // strike: cross
        ctx.lineWidth = 2.2;
        ctx.moveTo(-3.5, -3.5);
        ctx.lineTo(3.5, 3.5);
        ctx.moveTo(3.5, -3.5);
        ctx.lineTo(-3.5, 3.5);
        ctx.stroke();
        break;
      default:
        ctx.arc(0, 0, 2, 0, 2 * Math.PI);
        ctx.fill();
    }
  }

  function sprite(code, data) {
    var key = code;
    if (S.sprites[key]) return S.sprites[key];
    var dpr = window.devicePixelRatio || 1;
    var size = 2 * R + 4;
    var canvas = document.createElement("canvas");
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    var ctx = canvas.getContext("2d");
    ctx.scale(dpr, dpr);
    ctx.translate(size / 2, size / 2);
    ctx.beginPath();
    ctx.arc(0, 0, R, 0, 2 * Math.PI);
    ctx.fillStyle = sideColour(sideOf(code, data));
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "rgba(0,0,0,0.55)";
    ctx.stroke();
    glyph(ctx, actionOf(code, data), statusColour(statusOf(code, data)));
    S.sprites[key] = { canvas: canvas, size: size };
    return S.sprites[key];
  }

  function drawCluster(ctx, x, y, count, ru, ua, recent) {
    var radius = Math.min(26, 11 + 4 * Math.log10(count));
    ctx.globalAlpha = recent ? 1 : FADED + 0.15;
    var start = -Math.PI / 2;
    var parts = [
      [ru, sideColour(0)],
      [ua, sideColour(1)],
      [count - ru - ua, sideColour(2)],
    ];
    parts.forEach(function (part) {
      if (!part[0]) return;
      var end = start + (2 * Math.PI * part[0]) / count;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.arc(x, y, radius, start, end);
      ctx.closePath();
      ctx.fillStyle = part[1];
      ctx.fill();
      start = end;
    });
    ctx.beginPath();
    ctx.arc(x, y, radius - 5, 0, 2 * Math.PI);
    ctx.fillStyle = "rgba(255,255,255,0.92)";
    ctx.fill();
    ctx.fillStyle = "#222";
    ctx.font = "bold 11px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(count >= 10000 ? Math.round(count / 1000) + "k" : String(count), x, y + 0.5);
    ctx.globalAlpha = 1;
    return radius;
  }

  function drawClaims(canvas) {
    var L = window.L;
    var map = S.map;
    var size = map.getSize();
    var dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.x * dpr);
    canvas.height = Math.round(size.y * dpr);
    canvas.style.width = size.x + "px";
    canvas.style.height = size.y + "px";
    var topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
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
    var x, y, i, r;
    S.drawParams = { scale: scale, offX: offX, offY: offY, asOf: asOf, cluster: cluster };
    var gx0 = Math.floor((offX - MARGIN) / CELL);
    var gy0 = Math.floor((offY - MARGIN) / CELL);
    S.drawParams.grid = [gx0, gy0, Math.ceil((W + 2 * MARGIN) / CELL) + 2];

    if (cluster) {
      // The grid is fixed to the world (not the screen): clusters stay put when panning.
      var gx = Math.floor((offX - MARGIN) / CELL);
      var gy = Math.floor((offY - MARGIN) / CELL);
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
          drawn++; // drawn as its region (regionClaims), not as a pin
          continue;
        }
        x = mx[i] * scale - offX;
        y = my[i] * scale - offY;
        if (x < -MARGIN || y < -MARGIN || x > W + MARGIN || y > H + MARGIN) continue;
        var c =
          (Math.floor((y + offY) / CELL) - gy) * cols + (Math.floor((x + offX) / CELL) - gx);
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
        var radius = drawCluster(ctx, x, y, count[c], ru[c], ua[c], fresh[c] > 0);
        S.hits.push({ x: x, y: y, r: radius, cell: c, count: count[c] });
        drawn += count[c];
      }
    } else {
      for (i = 0; i < n; i++) {
        if (vis[i] > asOf) continue;
        shown++;
        r = day[i] >= since;
        if (r) recent++;
        if (reg && reg[i] !== NO_REGION) {
          drawn++; // drawn as its region (regionClaims), not as a pin
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
    document.body.dataset.view =
      zoom + "/" + centre.lat.toFixed(5) + "/" + centre.lng.toFixed(5);
    S.counts = { shown: shown, recent: recent, drawn: drawn, asOf: S.asOfIso };
    setStatus();
  }

  // The map's shapes (oblasts, control areas, region-level claims) have tooltips, which made
  // each a Tab stop (29 unlabelled stops before the page's next control); keyboard users get
  // the claims from the list beside the map and the areas' figures from the page instead.
  function keepShapesOutOfTabOrder(map) {
    var pane = map.getPanes().overlayPane;
    var mark = function (root) {
      if (root.nodeType !== 1) return;
      if (root.tagName.toLowerCase() === "path") root.setAttribute("tabindex", "-1");
      root.querySelectorAll("path").forEach(function (path) {
        path.setAttribute("tabindex", "-1");
      });
    };
    mark(pane);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(mark);
      });
    }).observe(pane, { childList: true, subtree: true });
  }

  // Region-level claims (precision 3) are drawn as their region: a dashed outline and a light
  // fill in the side of the newest claim there; a click selects that claim.
  var NO_REGION = 0xffff;

  function updateRegionClaims(asOf) {
    var data = S.data;
    if (!S.regionClaims || !data || !data.region || !S.regionData) return;
    var key = data.digest + "|" + asOf;
    if (S.regionClaimsKey === key) return;
    S.regionClaimsKey = key;
    var newest = {};
    for (var i = 0; i < data.n; i++) {
      var g = data.region[i];
      if (g === NO_REGION || data.visible[i] > asOf) continue;
      if (!newest[g]) newest[g] = { i: i, count: 0 };
      newest[g].i = i; // the payload runs oldest first
      newest[g].count++;
    }
    S.regionClaims.clearLayers();
    Object.keys(newest).forEach(function (g) {
      var feature = S.regionData.features[Number(g)];
      if (!feature) return;
      var entry = newest[g];
      var colour = sideColour(sideOf(data.code[entry.i], data));
      var layer = window.L.geoJSON(feature, {
        style: function () {
          return {
            color: colour,
            weight: 3,
            dashArray: "8 5",
            fillColor: colour,
            fillOpacity: 0.12,
            className: "region-claim",
          };
        },
      });
      layer.bindTooltip(function () {
        return textNode(
          "span",
          feature.properties.name +
            ": " +
            entry.count +
            (entry.count === 1 ? " region-level claim" : " region-level claims")
        );
      });
      layer.on("click", function () {
        report(entry.i);
      });
      S.regionClaims.addLayer(layer);
    });
  }

  function drawSingle(ctx, i, x, y, fresh, data) {
    var s = sprite(data.code[i], data);
    ctx.globalAlpha = fresh ? 1 : FADED;
    ctx.drawImage(s.canvas, x - s.size / 2, y - s.size / 2, s.size, s.size);
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
    ctx.arc(x, y, R + 4, 0, 2 * Math.PI);
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#111";
    ctx.stroke();
  }

  function setStatus(text) {
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

  function showError(error) {
    S.error = "Map error: " + (error && error.message ? error.message : String(error));
    if (S.status) setStatus();
    else document.body.appendChild(textNode("div", S.error));
    if (window.console) console.error(error);
  }

  // -- clicks and popups -----------------------------------------------------------------------

  function hitAt(point) {
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

  function onMove(event) {
    if (!S.map.hasLayer(S.claimsLayer)) return;
    S.map.getContainer().style.cursor = hitAt(event.containerPoint) ? "pointer" : "";
  }

  function claimsNear(point, radius) {
    // Every claim drawn within `radius` px of the point, newest first.
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
      var c = (Math.floor((y + p.offY) / CELL) - g[1]) * g[2] + (Math.floor((x + p.offX) / CELL) - g[0]);
      if (c === hit.cell) out.push(i);
    }
    return out;
  }

  function onClick(event) {
    if (!S.data || !S.map.hasLayer(S.claimsLayer)) return;
    var hit = hitAt(event.containerPoint);
    if (!hit) return;
    if (hit.i === undefined) {
      var members = clusterMembers(hit);
      var data = S.data;
      var south = Infinity, north = -Infinity, west = Infinity, east = -Infinity;
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
    var ll = window.L.latLng(
      S.data.lat[hit.i] / S.data.header.scale,
      S.data.lon[hit.i] / S.data.header.scale
    );
    openPopup(list, ll);
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

  function report(i) {
    S.seq += 1;
    post("streamlit:setComponentValue", {
      value: { i: i, digest: S.data.digest, seq: S.seq },
      dataType: "json",
    });
  }

  function refreshPopup() {
    if (S.popup && S.popupList && S.data) S.popup.setContent(popupContent());
  }

  function textNode(tag, text, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = text == null ? "" : String(text);
    return el;
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    var trimmed = url.trim();
    return /^https?:\/\//i.test(trimmed) ? trimmed : null;
  }

  function popupContent() {
    var data = S.data;
    var list = S.popupList;
    var i = list[S.popupPos];
    var h = data.header;
    var code = data.code[i];
    var root = document.createElement("div");
    root.className = "claim-popup";
    root.dataset.claim = String(i);

    var title = document.createElement("div");
    title.appendChild(textNode("b", h.names[data.name[i]]));
    title.appendChild(document.createTextNode(" · " + isoOf(data.day[i], data)));
    root.appendChild(title);

    var what = document.createElement("div");
    what.appendChild(
      document.createTextNode(
        word(h.sides, sideOf(code, data)) + " " + word(h.actions, actionOf(code, data)) + " · "
      )
    );
    what.appendChild(textNode("i", word(h.statuses, statusOf(code, data))));
    root.appendChild(what);
    root.appendChild(textNode("div", "Claimant: " + h.claimants[data.claimant[i]]));

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

  // -- legend ----------------------------------------------------------------------------------

  function buildLegend(args) {
    var style = args.style || {};
    var div = document.createElement("div");
    div.className = "claims-box claims-legend";
    window.L.DomEvent.disableClickPropagation(div);
    div.appendChild(textNode("b", "Claims"));
    div.appendChild(document.createElement("br"));
    var sides = style.sides || ["RU", "UA"];
    sides.forEach(function (side, k) {
      var item = textNode("span", "", "item");
      item.appendChild(legendIcon(k, 7, 0, "#fff"));
      item.appendChild(document.createTextNode(side + " forces"));
      div.appendChild(item);
    });
    div.appendChild(document.createElement("br"));
    (style.actions || []).forEach(function (action, k) {
      var item = textNode("span", "", "item");
      item.appendChild(legendIcon(2, k, 0, "#fff"));
      item.appendChild(document.createTextNode(action));
      div.appendChild(item);
    });
    div.appendChild(document.createElement("br"));
    div.appendChild(document.createTextNode("Symbol colour: "));
    (style.statuses || []).forEach(function (status, k) {
      var item = textNode("span", "", "item");
      item.appendChild(legendIcon(2, 3, k, statusColour(k)));
      item.appendChild(document.createTextNode(status));
      div.appendChild(item);
    });
    div.appendChild(document.createElement("br"));
    div.appendChild(
      document.createTextNode(
        "Faded: older than the highlighted days. Numbers: claims grouped (zoom in, or click)."
      )
    );
    div.appendChild(document.createElement("br"));
    var outline = textNode("span", "", "swatch region-claim-swatch");
    var regionItem = textNode("span", "", "item");
    regionItem.appendChild(outline);
    regionItem.appendChild(document.createTextNode("region-level claim (drawn as the region)"));
    div.appendChild(regionItem);
    div.appendChild(document.createElement("br"));
    div.appendChild(textNode("b", "Control "));
    Object.keys(style.control || {}).forEach(function (side) {
      var swatch = textNode("span", "", "swatch");
      var hatch = style.control[side].hatch;
      swatch.style.background = hatch
        ? "repeating-linear-gradient(45deg, " + hatch + " 0 3px, transparent 3px 6px)"
        : style.control[side].fillColor;
      swatch.style.opacity = "0.7";
      var item = textNode("span", "", "item");
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(hatch ? side.replace("-", " ") : side));
      div.appendChild(item);
    });
    if (style.unknown_legend) {
      var blank = textNode("span", "", "swatch");
      blank.style.border = "1px dashed #888";
      var unknownItem = textNode("span", "", "item");
      unknownItem.appendChild(blank);
      unknownItem.appendChild(document.createTextNode(style.unknown_legend));
      div.appendChild(unknownItem);
    }
    var line = textNode("span", "", "swatch");
    line.style.height = "0";
    line.style.borderTop = "3px solid #111";
    var item = textNode("span", "", "item");
    item.appendChild(line);
    item.appendChild(document.createTextNode("frontline"));
    div.appendChild(item);
    return div;
  }

  function legendIcon(side, action, status, colour) {
    var dpr = window.devicePixelRatio || 1;
    var size = 2 * R + 4;
    var canvas = document.createElement("canvas");
    canvas.width = size * dpr;
    canvas.height = size * dpr;
    canvas.style.width = size + "px";
    canvas.style.height = size + "px";
    var ctx = canvas.getContext("2d");
    ctx.scale(dpr, dpr);
    ctx.translate(size / 2, size / 2);
    ctx.beginPath();
    ctx.arc(0, 0, R, 0, 2 * Math.PI);
    ctx.fillStyle = sideColour(side);
    ctx.fill();
    if (action < 7) glyph(ctx, action, colour);
    return canvas;
  }

  // Read-only hooks for tests and the benchmark (what is drawn, where a claim is).
  window.claimsMap = {
    counts: function () {
      return S.counts || null;
    },
    state: function () {
      return document.body.dataset.state || null;
    },
    screenPoint: function (i) {
      if (!S.data || !S.map) return null;
      var ll = [S.data.lat[i] / S.data.header.scale, S.data.lon[i] / S.data.header.scale];
      var p = S.map.latLngToContainerPoint(ll);
      return { x: p.x, y: p.y };
    },
    claim: function (i) {
      var d = S.data;
      if (!d || i < 0 || i >= d.n) return null;
      var h = d.header;
      return {
        name: h.names[d.name[i]],
        date: isoOf(d.day[i], d),
        side: word(h.sides, sideOf(d.code[i], d)),
        action: word(h.actions, actionOf(d.code[i], d)),
        status: word(h.statuses, statusOf(d.code[i], d)),
        claimant: h.claimants[d.claimant[i]],
        lat: d.lat[i] / h.scale,
        lon: d.lon[i] / h.scale,
      };
    },
    clusterPoint: function (k) {
      var clusters = S.hits.filter(function (h) {
        return h.i === undefined && clear(h);
      });
      return clusters.length > k ? { x: clusters[k].x, y: clusters[k].y } : null;
    },
    claimAt: function (k) {
      // The k-th claim (in data order) drawn as a single marker in view (or null).
      var singles = S.hits
        .filter(function (h) {
          return h.i !== undefined;
        })
        .map(function (h) {
          return h.i;
        })
        .sort(function (a, b) {
          return a - b;
        });
      return singles.length > k ? singles[k] : null;
    },
    centreOn: function (i) {
      // Pan (without animation) so that claim i is in the middle, clear of the controls;
      // returns its point, or null when it is not drawn there as a single marker.
      var ll = [S.data.lat[i] / S.data.header.scale, S.data.lon[i] / S.data.header.scale];
      S.map.setView(ll, S.map.getZoom(), { animate: false });
      var single = S.hits.some(function (h) {
        return h.i === i;
      });
      return single ? window.claimsMap.screenPoint(i) : null;
    },
    resetView: function () {
      // Back to the first view, popup closed (the map redraws at once).
      S.map.closePopup();
      S.map.setView(S.args.center, S.args.zoom, { animate: false });
      return document.body.dataset.view;
    },
  };

  function clear(hit) {
    var size = S.map.getSize();
    if (hit.x < 4 || hit.y < 4 || hit.x > size.x - 4 || hit.y > size.y - 4) return false;
    var box = S.map.getContainer().getBoundingClientRect();
    var el = document.elementFromPoint(box.left + hit.x, box.top + hit.y);
    return !!el && !el.closest(".leaflet-control, .leaflet-popup");
  }

  post("streamlit:componentReady", { apiVersion: 1 });
})();
