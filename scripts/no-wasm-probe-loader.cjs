// long.js (inside face-api's bundled tfjs) compiles a tiny WebAssembly module when it loads, to speed up 64-bit
// maths. Under a CSP without 'wasm-unsafe-eval' that is a reported violation; the pure-JS path it falls back to on
// failure is the one kept. The probe is made to fail before it compiles anything.
const PROBE = 'new WebAssembly.Instance(new WebAssembly.Module(';

module.exports = function noWasmProbe(source) {
  if (!source.includes(PROBE)) {
    this.emitWarning(new Error('no-wasm-probe-loader: long.js probe not found (face-api changed?)'));
    return source;
  }
  return source.split(PROBE).join('((probe) => { throw probe; })((');
};
