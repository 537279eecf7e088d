// Reference outputs of MobileNetV2-1.4 (nsfwjs@4.4.0) computed by TF.js on fixed synthetic pictures,
// for umimegu's import test (MobileNetImportTest). Run from this folder after `npm ci`:
//   node reference.cjs ../../src/test/resources/backbones/mobilenet_v2_140-reference.json
// The pictures are a formula, the same in the Java test: picture p, row y, column x, channel c in [0,1].
const fs = require("fs");
const path = require("path");
const tf = require("@tensorflow/tfjs");

const out = process.argv[2];
const SIZE = 224;
const PICTURES = 3;
const pixel = (p, y, x, c) => 0.5 + 0.5 * Math.sin(0.031 * (x + 1) * (c + 1) + 0.047 * (y + 1) * (p + 1) + 0.3 * c + p);

async function main() {
  await tf.setBackend("cpu");
  const dir = path.join(__dirname, "node_modules", "nsfwjs", "dist", "models", "mobilenet_v2_mid");
  const model = require(path.join(dir, "model.min.js"));
  const shards = ["group1-shard1of2.min.js", "group1-shard2of2.min.js"].map((f) => require(path.join(dir, f)));
  const bytes = Buffer.concat(shards.map((s) => Buffer.from(s, "base64")));
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const graph = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: model.modelTopology,
    weightSpecs: model.weightsManifest[0].weights,
    weightData,
  }));
  const prefix = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/";
  const cuts = ["expanded_conv_6/expand/Relu6", "expanded_conv_10/expand/Relu6", "expanded_conv_13/expand/Relu6"];
  const data = new Float32Array(PICTURES * SIZE * SIZE * 3);
  let i = 0;
  for (let p = 0; p < PICTURES; p++)
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++)
        for (let c = 0; c < 3; c++) data[i++] = pixel(p, y, x, c);
  const input = tf.tensor4d(data, [PICTURES, SIZE, SIZE, 3]);
  const names = cuts.map((c) => prefix + "MobilenetV2/" + c).concat(["Identity", "StatefulPartitionedCall/sequential/dense/BiasAdd"]);
  const results = graph.execute(input, names);
  const pooled = [];
  for (let k = 0; k < cuts.length; k++) pooled.push(await results[k].mean([1, 2]).array());
  const map13 = await results[2].array(); // [p][y][x][c]
  const probe = [];
  for (let p = 0; p < PICTURES; p++)
    for (const [y, x, c] of [[0, 0, 0], [0, 0, 5], [7, 7, 100], [13, 13, 815], [3, 11, 400]])
      probe.push({ picture: p, y, x, channel: c, value: map13[p][y][x][c] });
  const reference = {
    about: "TF.js " + tf.version.tfjs + " (cpu backend) on nsfwjs@4.4.0 mobilenet_v2_mid; pictures: 0.5 + 0.5 sin(0.031 (x+1)(c+1) + 0.047 (y+1)(p+1) + 0.3 c + p)",
    size: SIZE,
    pictures: PICTURES,
    cuts,
    pooled: cuts.map((c, k) => ({ cut: c, values: pooled[k] })),
    probe,
    nsfw: await results[cuts.length].array(),
    nsfwLogits: await results[cuts.length + 1].array(),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(reference) + "\n");
  console.log("wrote", out);
}
main().catch((e) => { console.error(e); process.exit(1); });
