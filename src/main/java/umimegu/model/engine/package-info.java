/**
 * The DL4J 1.0.0-M2.1 engine patches, kept apart from what uses a model: oneDNN switched on
 * ({@link umimegu.model.engine.OneDnn}), layers that train and answer faster or with less memory
 * installed over DL4J's own ({@link umimegu.model.engine.FasterLayers}), the folded network that
 * answers ({@link umimegu.model.engine.FoldedNetwork}), callers' pictures run as one batch
 * ({@link umimegu.model.engine.CombinedBatches}), and a finished training's memory given back
 * ({@link umimegu.model.engine.TrainingMemory}). Nothing here knows pictures, labels or models;
 * {@code umimegu.model} is its only caller. Why each patch exists and what it measured:
 * docs/performance.md.
 */
package umimegu.model.engine;
