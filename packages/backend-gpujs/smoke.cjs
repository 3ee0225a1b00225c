const { GPU } = require('gpu.js');
const gl = require('gl')(2, 2, { preserveDrawingBuffer: true });
const gpu = new GPU({ context: gl });
const opts = { output: [6], pipeline: true, immutable: true, precision: 'single', tactic: 'precision', dynamicOutput: true, dynamicArguments: true, loopMaxIterations: 16777216, fixIntegerDivisionAccuracy: false };
function tryk(name, src, ...args) {
  try {
    const k = gpu.createKernel(src, opts);
    const o = k(...args);
    console.log(name, Array.from(o.toArray()));
  } catch (e) { console.log(name, 'ERR', e.message.slice(0, 300)); }
}
const up = gpu.createKernel(`function (a) { return a[this.thread.x]; }`, opts);
const t = up(new Float32Array([1, -2.5, NaN, 0, 16777216, -0.5]));
tryk('ternary', `function (a) { let x = a[this.thread.x]; return x > 0 ? x : 7; }`, t);
tryk('trunc', `function (a) { let x = a[this.thread.x]; return Math.trunc(x); }`, t);
tryk('round', `function (a) { let x = a[this.thread.x]; return Math.round(x); }`, t);
tryk('and', `function (a) { let x = a[this.thread.x]; let r = 0; if (x != 0 && !(x < 0)) { r = 1; } return r; }`, t);
tryk('inner fn', `function (a) { function f(v) { return v * 2; } let x = a[this.thread.x]; return f(x); }`, t);
tryk('uniform inf', `function (a, inf) { let x = a[this.thread.x]; if (x < 0) { return -inf; } return inf; }`, t, Infinity);
tryk('uniform nan', `function (a, nan) { return nan; }`, t, NaN);
tryk('div0', `function (a) { let x = a[this.thread.x]; return 1 / x; }`, t);
tryk('sqrt neg', `function (a) { let x = a[this.thread.x]; return Math.sqrt(x); }`, t);
tryk('log0', `function (a) { let x = a[this.thread.x]; return Math.log(x); }`, t);
tryk('pow', `function (a) { let x = a[this.thread.x]; return Math.pow(x, 2); }`, t);
tryk('tanh', `function (a) { let x = a[this.thread.x] * 100; return Math.tanh(x); }`, t);
tryk('exp big', `function (a) { let x = a[this.thread.x] * 100; return Math.exp(x); }`, t);
tryk('var float from int', `function (a) { let i = this.thread.x; let q = Math.floor(i / 4); i = q; return i; }`, t);
tryk('isnan', `function (a) { let x = a[this.thread.x]; if (x != x) { return 1; } return 0; }`, t);
tryk('nan cmp', `function (a) { let x = a[this.thread.x]; if (x > 0 || x <= 0) { return 1; } return 0; }`, t);
tryk('2^24+1', `function (a) { let x = a[this.thread.x]; return x + 1; }`, t);
tryk('else if', `function (a) { let x = a[this.thread.x]; let r = 0; if (x > 0) { r = 1; } else if (x < 0) { r = -1; } else { r = 5; } return r; }`, t);
tryk('int loop', `function (a, n) { let acc = 0; for (let j = 0; j < n; j++) { acc += a[j]; } return acc; }`, t, 2);
tryk('no args', `function (v) { return v; }`, 3.5);
