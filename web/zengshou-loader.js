// Starts the app: checks for WebGL2, fetches the UI font while the WebAssembly loads, shows progress (bytes loaded
// of total) and errors, loads the full font and registers the service worker (offline use) after the first frame,
// and offers window.zengshou, the hook through which the page and the browser tests talk to the app.
'use strict';
(function () {
  const BUILD = '@BUILD@';  // written by the build (scripts/stamp_web.cmake), with the files' sizes
  const SIZES = @SIZES@;
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const statusSub = document.getElementById('status-sub');
  const store = window.zengshouStore;

  const messages = {
    webgl2: ['此浏览器不支持 WebGL2,无法显示本应用。请使用新版 Chrome、Edge、Firefox 或 Safari,并开启硬件加速。',
      'This browser has no WebGL2, which the app needs. Please use a recent Chrome, Edge, Firefox or Safari with hardware acceleration on.'],
    load: ['加载失败,请检查网络后刷新页面。', 'Loading failed. Check the connection and reload the page.'],
    glfw: ['图形界面初始化失败。', 'The graphics layer could not start.'],
    progress: ['正在加载…', 'Loading…'],  // followed by "1.2 / 2.0 MB"
  };

  function showError(kind, detail) {
    const [zh, en] = messages[kind] || messages.load;
    statusBox.hidden = false;
    statusBox.classList.add('error');
    statusText.textContent = zh;
    statusSub.textContent = en + (detail ? ' (' + detail + ')' : '');
    window.zengshou.error = kind;
  }

  window.zengshou = {
    build: BUILD,
    ready: false,
    error: null,
    // Called by the app after it has drawn its first frame.
    onFirstFrame() {
      this.ready = true;
      this.firstFrameMs = performance.now();
      statusBox.hidden = true;
      if (store.problem) store.withText(store.detail, (d) => Module._zengshou_storage_problem(store.problem, d));
      store.deliver();
      store.sendBackups();
      loadFullFont().then(registerServiceWorker);  // one after the other: the network is the first frame's first
      openSharedHousehold();
    },
    onFatal(kind) { showError(kind); },
    // The app's state (language, view, frame count, widget anchors in CSS pixels, household, results).
    state() { return JSON.parse(Module.UTF8ToString(Module._zengshou_state())); },
    // The WebAssembly memory in bytes (it only grows: the most the app has needed).
    heapBytes() { return Module.HEAP8.length; },
    // How long the app's own work took per frame, over the last 120 frames.
    frameStats() { return JSON.parse(Module.UTF8ToString(Module._zengshou_frame_stats())); },
    // The text field being edited: a real input over the canvas, so IME, paste and phone keyboards work.
    showEditor(generation, x, y, w, h, text, numeric, isNew, multiline) {
      const input = editor(multiline);
      input.dataset.generation = generation;
      Object.assign(input.style, { left: x + 'px', top: y + 'px', width: w + 'px', height: h + 'px', display: 'block' });
      if (isNew) {
        // The press that opened the field ends on the input, not the canvas: release it for GLFW, or the next
        // click on the canvas would not count as one.
        Module.canvas.dispatchEvent(new MouseEvent('mouseup', { button: 0, bubbles: true }));
        input.value = text;
        input.inputMode = numeric ? 'decimal' : 'text';
        input.focus();
        if (!multiline) input.select();
      }
    },
    hideEditor() {
      for (const input of editorInputs.values()) input.style.display = 'none';
    },
    pickFile() { filePicker().click(); },
    exportBackup(key) { store.exportBackup(key, saveBlob); },
    download(name, text) {
      if (!name.endsWith('.csv')) return saveBlob(name, new Blob([text], { type: 'application/json' }));
      // UTF8ToString's TextDecoder drops the byte-order mark the app's CSV starts with: put it back, or
      // spreadsheet programs read the Chinese as another encoding.
      const csv = text.startsWith('\ufeff') ? text : '\ufeff' + text;
      saveBlob(name, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    },
    // The picked workbook's roster, read in the workbook module (src/web/files), handed to the app as JSON.
    async readWorkbook(options) {
      let json;
      try {
        const files = await workbookModule();
        const ptr = files._malloc(lastPicked.length);
        files.HEAPU8.set(lastPicked, ptr);
        const size = files.lengthBytesUTF8(options) + 1;
        const optionsPtr = files._malloc(size);
        files.stringToUTF8(options, optionsPtr, size);
        json = files.UTF8ToString(files._files_read_roster(ptr, lastPicked.length, optionsPtr));
        files._free(optionsPtr);
        files._free(ptr);
      } catch (e) {
        json = JSON.stringify({ problems: ['error: the workbook: expected the workbook reader to load (' + e + ')'] });
      }
      const size = Module.lengthBytesUTF8(json) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(json, ptr, size);
      Module._zengshou_workbook_read(ptr);
      Module._free(ptr);
    },
    // A workbook the app describes as JSON, written in the workbook module and saved.
    async downloadWorkbook(name, spec) {
      const files = await workbookModule();
      const size = files.lengthBytesUTF8(spec) + 1;
      const ptr = files._malloc(size);
      files.stringToUTF8(spec, ptr, size);
      const at = files._files_write_xlsx(ptr);
      const bytes = files.HEAPU8.slice(at, at + files._files_result_size());
      files._free(ptr);
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      saveBlob(name, new Blob([bytes], { type }));
    },
    // The workspace in IndexedDB (web/zengshou-store.js): what the app writes, and what it read at start.
    store,
    // A page made by the app (明白卡, a ledger to print) in a new tab; downloaded when popups are blocked.
    openPage(html) {
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (!window.open(url, '_blank')) saveBlob('zengshou.html', new Blob([html], { type: 'text/html' }));
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    // A link carrying the household: compressed into the fragment, which browsers never send to a server.
    async share(text, kind = 'share') {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      const data = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      const link = location.href.split('#')[0] + '#' + kind + '=' + data;
      navigator.clipboard?.writeText(link).catch(() => {});
      callWithText(Module._zengshou_share_link, link);
    },
    // A part of the canvas the app read back (RGBA rows, bottom row first, as GL gives them), saved as a PNG.
    downloadPng(name, pixels, width, height) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      const image = context.createImageData(width, height);
      const row = width * 4;
      for (let y = 0; y < height; ++y) {
        const from = pixels + (height - 1 - y) * row;
        image.data.set(Module.HEAPU8.subarray(from, from + row), y * row);
      }
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
      context.putImageData(image, 0, 0);
      canvas.toBlob((blob) => saveBlob(name, blob), 'image/png');
    },
  };

  // Opened through a share link: the household goes to the app once it runs, and the fragment is dropped so a
  // reload restores the workspace instead of the link.
  // A policy link (#policy=) carries her county policy file instead: it is imported, checked as a file is.
  // A link of a later version than this copy reads is kept for the next start, when an updated copy opens it; one
  // that a build read and could not is not kept again by the same build (no "reload to update" at every start).
  const pendingKey = 'zengshou.pending-link';
  const session = (action) => { try { return action(); } catch (e) { return null; } };  // storage may be blocked
  async function openSharedHousehold() {
    const pending = session(() => JSON.parse(sessionStorage.getItem(pendingKey) || 'null'));
    session(() => sessionStorage.removeItem(pendingKey));
    const hash = location.hash || pending?.hash || '';
    const retried = !location.hash && pending?.build === BUILD;
    const kind = hash.startsWith('#share=') ? 'share' : hash.startsWith('#policy=') ? 'policy' : '';
    if (!kind) return;
    const data = hash.slice(kind.length + 2).replace(/-/g, '+').replace(/_/g, '/');
    history.replaceState(null, '', location.href.split('#')[0]);
    let text;
    try {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      text = await new Response(stream).text();
    } catch (e) {
      text = 'not a share link';  // the app reports it as a link it cannot read
    }
    if (kind === 'policy') callWithText(Module._zengshou_open_policy_link, text);
    else if (callWithText(Module._zengshou_open_share, text) && !retried)
      session(() => sessionStorage.setItem(pendingKey, JSON.stringify({ hash, build: BUILD })));
  }

  // Whatever changed is stored before the tab goes away (and copied to localStorage until the database has it).
  window.addEventListener('pagehide', () => store.flush());
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') store.flush(); });

  // The workbook module (src/web/files: the spreadsheet readers and writer), loaded the first time a workbook is
  // opened or written, so the first frame never waits for it; the service worker keeps it for offline use.
  let filesModule = null;
  function workbookModule() {
    if (!filesModule) {
      filesModule = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'zengshou-files.js';
        script.onload = () => ZengshouFiles().then(resolve, reject);  // eslint-disable-line no-undef
        script.onerror = () => reject(new Error('zengshou-files.js did not load'));
        document.head.appendChild(script);
      });
      filesModule.catch(() => { filesModule = null; });  // offline before it was ever kept: try again next time
    }
    return filesModule;
  }

  function saveBlob(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // Passes a JS string to a C function taking UTF-8, on the heap (file texts are too big for the stack).
  function callWithText(fn, text) {
    const size = Module.lengthBytesUTF8(text) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(text, ptr, size);
    const result = fn(ptr);
    Module._free(ptr);
    return result;
  }

  // One line (#text-editor) or a block of lines (#text-editor-block, a pasted document), made when first needed.
  const editorInputs = new Map();
  function editor(multiline) {
    const id = multiline ? 'text-editor-block' : 'text-editor';
    for (const [other, input] of editorInputs) if (other !== id) input.style.display = 'none';
    if (editorInputs.has(id)) return editorInputs.get(id);
    const input = document.createElement(multiline ? 'textarea' : 'input');
    input.id = id;
    if (!multiline) input.type = 'text';
    input.autocomplete = 'off';
    input.style.cssText = 'position:fixed;display:none;box-sizing:border-box;margin:0;padding:0 6px;border:2px solid #2a6fdb;' +
      'border-radius:4px;font:16px "WenQuanYi Micro Hei",sans-serif;background:#fff;color:#000;z-index:5;resize:none;';
    const close = () => {
      if (input.style.display === 'none') return;
      Module._zengshou_text_close(Number(input.dataset.generation));
    };
    input.addEventListener('input', () => callWithText(Module._zengshou_text_input, input.value));
    input.addEventListener('blur', close);
    document.body.appendChild(input);
    editorInputs.set(id, input);
    return input;
  }

  // GLFW listens for keys on the window in the capture phase and cancels Backspace and Tab: keys meant for the
  // overlay input must not reach it. Registered before GLFW's, so it runs first; it also ends the edit on Enter,
  // Escape or Tab, since the input's own listeners never see the event after this.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (e) => {
      if (![...editorInputs.values()].includes(e.target)) return;
      e.stopImmediatePropagation();
      // Enter is a new line in a block of text; Escape or Tab ends it.
      const ends = e.key === 'Escape' || e.key === 'Tab' || (e.key === 'Enter' && e.target.tagName === 'INPUT');
      if (type === 'keydown' && ends && !e.isComposing) {
        e.preventDefault();
        e.target.blur();
      }
    }, true);
  }

  // Touch: this Emscripten's GLFW presses the mouse button at the last mouse position on touchstart (it reads the
  // touch point only for SDL), so a tap would click wherever the mouse last was. The first finger is turned into
  // mouse events here, before GLFW's listeners, and the browser's own compatibility mouse events are suppressed.
  const canvas = document.getElementById('canvas');
  let finger = null;
  let taps = 0;
  const asMouse = (type, touch) => canvas.dispatchEvent(new MouseEvent(type, {
    bubbles: true, cancelable: true, button: 0, buttons: type === 'mouseup' ? 0 : 1,
    clientX: touch.clientX, clientY: touch.clientY }));
  const onTouch = (e) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    const touch = [...e.changedTouches].find((t) => finger === null || t.identifier === finger);
    if (!touch) return;
    if (e.type === 'touchstart' && finger === null) {
      finger = touch.identifier;
      asMouse('mousemove', touch);
      asMouse('mousedown', touch);
    } else if (e.type === 'touchmove') {
      asMouse('mousemove', touch);
    } else if (e.type === 'touchend' || e.type === 'touchcancel') {
      asMouse('mouseup', touch);
      finger = null;
      // A finger lifted is not a mouse resting there: once the app has drawn the release (two frames), the pointer
      // leaves the screen, so no highlight stays on what was tapped. Not if another touch began meanwhile.
      const lifted = ++taps;
      requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => {
        if (finger === null && lifted === taps) asMouse('mousemove', { clientX: -1000, clientY: -1000 });
      })));
    }
  };
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    canvas.addEventListener(type, onTouch, { capture: true, passive: false });

  let picker = null;
  let lastPicked = null;
  function filePicker() {
    if (picker) return picker;
    picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = '.json,.csv,.xlsx,.xls,application/json,text/csv,' +
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';
    picker.style.display = 'none';
    picker.addEventListener('change', async () => {
      const file = picker.files[0];
      picker.value = '';
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());  // as they are: the app decodes them
      lastPicked = bytes;  // a workbook is read again, in the workbook module, when she picks another sheet
      const ptr = Module._malloc(bytes.length);
      Module.HEAPU8.set(bytes, ptr);
      Module._zengshou_open_file(ptr, bytes.length);
      Module._free(ptr);
      window.zengshou.filesOpened = (window.zengshou.filesOpened || 0) + 1;
    });
    document.body.appendChild(picker);
    return picker;
  }

  // Whether WebGL2 works here, asked of a canvas of its own before anything is downloaded. The app's context is made
  // by GLFW once it runs: made here on the app's canvas instead (GL_PREINITIALIZED_CONTEXT), the first frame came
  // 50–60 ms later (headless Chromium, fifteen first visits each, twice).
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('webgl2');
    return;
  }
  probe.getExtension('WEBGL_lose_context')?.loseContext();  // not held beside the app's for the whole visit

  // Progress over what the first frame needs: the WebAssembly, the UI font and the JS glue, in bytes as the build
  // wrote them (a compressed transfer still yields these bytes).
  const loading = { loaded: 0, total: SIZES['zengshou.wasm'] + SIZES['zengshou-ui-font.ttf'] + SIZES['zengshou.js'] };
  const megabytes = (n) => (n / 1048576).toFixed(1);
  function showProgress(bytes) {
    loading.loaded += bytes;
    window.zengshou.loaded = loading;
    if (window.zengshou.error) return;
    const part = `${megabytes(loading.loaded)} / ${megabytes(loading.total)} MB`;
    const [zh, en] = messages.progress;
    statusText.textContent = `${zh} ${part}`;
    statusSub.textContent = `${en} ${part}`;
  }

  // A file's response whose bytes count into the progress as they pass, whoever reads it.
  async function fetchCounted(path, type) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path} ${response.status}`);
    const counter = new TransformStream({
      transform(chunk, controller) {
        showProgress(chunk.length);
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), { headers: { 'Content-Type': type } });
  }

  // Both at once, and before the JS glue asks for the WebAssembly (index.html preloads them too). The WebAssembly is
  // compiled as it arrives, off the page's thread.
  const uiFont = fetchCounted('zengshou-ui-font.ttf', 'font/ttf')
    .then((response) => response.arrayBuffer()).then((buffer) => new Uint8Array(buffer));
  const wasmModule = fetchCounted('zengshou.wasm', 'application/wasm')
    .then((response) => WebAssembly.compileStreaming(response));

  // The full font (every CJK ideograph, for names and places people type) replaces the UI font once the app runs;
  // the app bakes only the characters it shows into its atlas.
  async function loadFullFont() {
    try {
      const response = await fetch('zengshou-font.ttf');
      if (!response.ok) throw new Error('zengshou-font.ttf ' + response.status);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const ptr = Module._malloc(bytes.length);
      Module.HEAPU8.set(bytes, ptr);
      Module._zengshou_use_font(ptr, bytes.length);  // the app copies it
      Module._free(ptr);
      window.zengshou.fullFont = true;
    } catch (e) {
      console.warn('the full font did not load: ' + e.message);  // the UI font still draws every label
    }
  }

  // Offline use: the service worker caches this build. When a newer build takes over, the page reloads once, so it
  // runs wholly on the new build's files; the workspace is stored first (pagehide) and kept in IndexedDB.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    const updating = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (updating) location.reload();
    });
    // A new release is looked for each time the app starts (browsers look on their own only now and then, and
    // registration.update() stalls in headless Chromium): the server's service worker names its build, and one
    // registered under that name replaces this one.
    fetch('sw.js', { cache: 'no-store' }).then((response) => response.text())
      .then((text) => {
        const build = (text.match(/const BUILD = '([^']+)'/) || [])[1] || BUILD;
        return navigator.serviceWorker.register('sw.js?build=' + build, { updateViaCache: 'none' });
      })
      .catch((e) => console.warn('offline use or its update is not available here: ' + e.message));
  }

  window.Module = {
    canvas,
    preRun: [function () {
      // The workspace of an earlier visit, read from IndexedDB while the WebAssembly loaded, before main() takes it.
      Module.addRunDependency('storage');
      store.ready.finally(() => Module.removeRunDependency('storage'));
      Module.addRunDependency('font');
      uiFont.then((bytes) => {
        Module.uiFont = bytes;  // taken by main() (src/web/main.cpp)
        Module.removeRunDependency('font');
      }).catch((e) => showError('load', e.message));
    }],
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => showError('load', String(what)),
    // The WebAssembly fetched here rather than by the glue, so its bytes count in the progress.
    instantiateWasm(imports, receive) {
      wasmModule
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
        .catch((e) => showError('load', e.message));
      return {};
    },
  };

  const script = document.createElement('script');
  script.src = 'zengshou.js';
  script.onerror = () => showError('load', 'zengshou.js');
  script.onload = () => showProgress(SIZES['zengshou.js']);
  document.body.appendChild(script);
})();
