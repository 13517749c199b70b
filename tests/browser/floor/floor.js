// What any WebGL2 app pays here before its first frame, measured beside the app's (tests/browser/frame-bench.mjs):
// the context on a canvas the size of the page, the one shader program Dear ImGui draws with, a 512 × 530 texture
// (the UI font's atlas at a pixel ratio of 1) and one draw. With ?wasm it also streams and compiles the app's
// WebAssembly, without running it. Reports window.zengshou.firstFrameMs, as the app does.
'use strict';
(async function () {
  const canvas = document.getElementById('canvas');
  const box = canvas.getBoundingClientRect();
  canvas.width = Math.round(box.width * devicePixelRatio);
  canvas.height = Math.round(box.height * devicePixelRatio);
  const gl = canvas.getContext('webgl2', { alpha: true, depth: true, stencil: true, antialias: false });
  if (location.search.includes('wasm')) await WebAssembly.compileStreaming(fetch('zengshou.wasm'));

  // imgui_impl_opengl3.cpp's GLSL 300 es shaders
  const vertex = `#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() { Frag_UV = UV; Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy, 0, 1); }`;
  const fragment = `#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); }`;
  const shader = (type, source) => {
    const s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    gl.getShaderParameter(s, gl.COMPILE_STATUS);  // waits for it, as ImGui's backend does
    return s;
  };
  const program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  gl.getProgramParameter(program, gl.LINK_STATUS);
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 512, 530, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(512 * 530 * 4));
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 0, 0, 3, -1, 0, 0, -1, 3, 0, 0]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 16, 0);
  gl.uniformMatrix4fv(gl.getUniformLocation(program, 'ProjMtx'), false,
    new Float32Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
  gl.viewport(0, 0, canvas.width, canvas.height);
  gl.clearColor(0.94, 0.94, 0.94, 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.drawArrays(gl.TRIANGLES, 0, 3);
  gl.getParameter(gl.CURRENT_PROGRAM);  // ImGui's backend reads GL state back each frame
  window.zengshou = { ready: true, error: null, firstFrameMs: performance.now() };
})();
