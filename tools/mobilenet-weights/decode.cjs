// Decodes the MobileNetV2-1.4 graph model that ships inside nsfwjs@4.4.0 (dist/models/mobilenet_v2_mid:
// a TF.js graph model wrapped in UMD modules, weights as base64 strings) into umimegu's resources:
//   weights.bin    the weights exactly as TF.js stores them (uint8, value = q * scale + min), in manifest order
//   manifest.json  per weight: name, TF shape, byte offset, min and scale; the graph's nodes; SHA-256s
// Run from this folder after `npm ci`: node decode.cjs ../../src/main/resources/backbones/mobilenet_v2_140
// A developer's step: the build and the tests only read what it wrote.
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const out = process.argv[2];
if (!out) {
  console.error("usage: node decode.cjs OUTPUT_FOLDER");
  process.exit(2);
}
const pkg = path.join(__dirname, "node_modules", "nsfwjs");
const version = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version;
if (version !== "4.4.0") {
  console.error(`nsfwjs ${version} found; this decoder is for 4.4.0`);
  process.exit(1);
}
const dir = path.join(pkg, "dist", "models", "mobilenet_v2_mid");
const sha = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");
const sources = {};
for (const f of ["model.min.js", "group1-shard1of2.min.js", "group1-shard2of2.min.js"]) {
  sources[f] = sha(fs.readFileSync(path.join(dir, f)));
}
const model = require(path.join(dir, "model.min.js"));
const shards = [require(path.join(dir, "group1-shard1of2.min.js")), require(path.join(dir, "group1-shard2of2.min.js"))];
const bytes = Buffer.concat(shards.map((s) => Buffer.from(s, "base64")));

const prefix = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/";
const short = (name) => name.replace(prefix, "");
const weights = [];
let offset = 0;
for (const w of model.weightsManifest[0].weights) {
  const count = w.shape.reduce((a, b) => a * b, 1);
  if (w.dtype !== "float32" || !w.quantization || w.quantization.dtype !== "uint8") {
    throw new Error(`${w.name}: expected uint8-quantised float32, found ${JSON.stringify(w)}`);
  }
  weights.push({ name: short(w.name), shape: w.shape, offset, min: w.quantization.min, scale: w.quantization.scale });
  offset += count;
}
if (offset !== bytes.length) {
  throw new Error(`the manifest names ${offset} bytes, the shards hold ${bytes.length}`);
}
const text = (b64) => Buffer.from(b64, "base64").toString();
const nodes = model.modelTopology.node
  .filter((n) => n.op !== "Const")
  .map((n) => {
    const a = n.attr || {};
    const node = { name: short(n.name), op: n.op, inputs: (n.input || []).map(short) };
    if (a.strides) node.strides = a.strides.list.i.map(Number);
    if (a.padding) node.padding = text(a.padding.s);
    if (a.fused_ops) node.fused = a.fused_ops.list.s.map(text);
    return node;
  });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "weights.bin"), bytes);
const manifest = {
  network: "MobileNetV2, width 1.4, 224x224 (TF-Hub feature vector), with nsfwjs's 5-class dense head",
  source: "npm nsfwjs@4.4.0, dist/models/mobilenet_v2_mid",
  sourceSha256: sources,
  weightsSha256: sha(bytes),
  input: "NHWC RGB in [0,1]; the graph maps it to [-1,1] (hub_input/Mul, hub_input/Sub)",
  outputs: JSON.parse(JSON.stringify(model.userDefinedMetadata.signature.outputs)),
  weights,
  nodes,
};
fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
console.log(`${weights.length} weights, ${bytes.length} bytes, ${nodes.length} nodes -> ${out}`);
