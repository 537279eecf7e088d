package umimegu.model;

/** One row of the learning curves. Epochs count from 1. */
public record EpochStats(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {}
