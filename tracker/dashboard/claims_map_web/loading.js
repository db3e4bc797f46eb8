/* Loading Leaflet and the gzipped files the page names (claims, oblasts, control areas). */

var fetches = {};

export function loadCss(href) {
  return new Promise(function (resolve) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = resolve;
    link.onerror = resolve; // the map still works unstyled
    document.head.appendChild(link);
  });
}

export function loadJs(src) {
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

// Leaflet's stylesheets and scripts (in order).
export function loadAssets(assets) {
  var styles = Promise.all((assets.css || []).map(loadCss));
  var scripts = (assets.js || []).reduce(function (chain, src) {
    return chain.then(function () {
      return loadJs(src);
    });
  }, Promise.resolve());
  return Promise.all([styles, scripts]);
}

// One request per URL while it is wanted; a failed one may be asked again.
export function fetchOnce(url, how) {
  if (!fetches[url]) {
    fetches[url] = how(url);
    fetches[url].catch(function () {
      delete fetches[url];
    });
  }
  return fetches[url];
}

export function forget(url) {
  delete fetches[url];
}

export function fetchGzip(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
    var stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  });
}

export function fetchJson(url) {
  return fetchGzip(url).then(function (buffer) {
    return JSON.parse(new TextDecoder().decode(buffer));
  });
}

// Control areas are written after the map is sent: a 404 means "not yet".
export function fetchWhenReady(url, wanted, tries) {
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
