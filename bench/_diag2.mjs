const mode = process.argv[2] || "";
if (mode.includes("F")) await import("flambeau");
if (mode.includes("J")) await import("@jax-js/jax");
const tf = await import("@tensorflow/tfjs");
await import("@tensorflow/tfjs-backend-wasm");
const N=1<<20;
for (const be of ["cpu","wasm"]) {
await tf.setBackend(be); await tf.ready();
const [a,b,c]=[tf.randomNormal([N]),tf.randomNormal([N]),tf.randomNormal([N])];
const ts=[];
for (let i=0;i<4;i++){const t0=performance.now(); tf.tidy(()=>tf.add(tf.mul(a,b),c).dataSync()); ts.push((performance.now()-t0).toFixed(1));}
console.log(mode, be, tf.getBackend(), ts.join(" "));
tf.dispose([a,b,c]);
}
