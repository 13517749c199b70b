// Starts the app: checks for WebGL2, fetches the font while the WebAssembly loads, shows progress and errors,
// and offers window.zengshou, the hook through which the page and the browser tests talk to the app.
'use strict';
(function () {
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const statusSub = document.getElementById('status-sub');

  const messages = {
    webgl2: ['此浏览器不支持 WebGL2,无法显示本应用。请使用新版 Chrome、Edge、Firefox 或 Safari,并开启硬件加速。',
      'This browser has no WebGL2, which the app needs. Please use a recent Chrome, Edge, Firefox or Safari with hardware acceleration on.'],
    load: ['加载失败,请检查网络后刷新页面。', 'Loading failed. Check the connection and reload the page.'],
    glfw: ['图形界面初始化失败。', 'The graphics layer could not start.'],
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
    ready: false,
    error: null,
    // Called by the app after it has drawn its first frame.
    onFirstFrame() {
      this.ready = true;
      this.firstFrameMs = performance.now();
      statusBox.hidden = true;
    },
    onFatal(kind) { showError(kind); },
    // The app's state (language, view, frame count, widget anchors in CSS pixels).
    state() { return JSON.parse(Module.UTF8ToString(Module._zengshou_state())); },
  };

  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('webgl2');
    return;
  }

  const fontRequest = fetch('zengshou-font.ttf').then((r) => {
    if (!r.ok) throw new Error('font ' + r.status);
    return r.arrayBuffer();
  });

  window.Module = {
    canvas: document.getElementById('canvas'),
    preRun: [function () {
      Module.addRunDependency('font');
      fontRequest.then((buffer) => {
        FS.mkdir('/fonts');
        FS.writeFile('/fonts/zengshou.ttf', new Uint8Array(buffer));
        Module.removeRunDependency('font');
      }).catch((e) => showError('load', e.message));
    }],
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => showError('load', String(what)),
  };

  const script = document.createElement('script');
  script.src = 'zengshou.js';
  script.onerror = () => showError('load', 'zengshou.js');
  document.body.appendChild(script);
})();
