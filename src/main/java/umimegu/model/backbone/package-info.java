/**
 * Pretrained networks imported into DL4J: the weights decoded once by {@code tools/mobilenet-weights}
 * from the npm package nsfwjs@4.4.0 (MobileNetV2, width 1.4) and the graph rebuilt from their
 * manifest. A room of its own, as {@code engine} is: nothing here knows labels or models.
 */
package umimegu.model.backbone;
