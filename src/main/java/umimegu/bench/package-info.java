/** Benchmarks behind {@code bench}: accuracy per pictures-per-label and against the seed recipe, unknown characters, crop margins, face detection, the chat under a burst, the history. */
package umimegu.bench;
