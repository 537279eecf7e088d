package umimegu.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import umimegu.model.NetworkView;

/**
 * Candidate scores for "is this a character the model knows?", higher meaning more known, from
 * the network's logits and penultimate features: the largest logit, the energy (log-sum-exp of the
 * logits), and the cosine similarity to the nearest label prototype (the mean normalised feature of
 * that label's training pictures).
 */
final class OpenSetScores {
    private final List<double[]> prototypes;

    OpenSetScores(Map<String, List<NetworkView>> trainingViews) {
        prototypes = new ArrayList<>();
        for (List<NetworkView> views : trainingViews.values()) {
            double[] mean = new double[views.get(0).features().length];
            for (NetworkView v : views) {
                double[] unit = unit(v.features());
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += unit[i] / views.size();
                }
            }
            prototypes.add(unit(mean));
        }
    }

    Map<String, ToDoubleFunction<NetworkView>> all() {
        Map<String, ToDoubleFunction<NetworkView>> scores = new LinkedHashMap<>();
        scores.put("max_logit", OpenSetScores::maxLogit);
        scores.put("energy", OpenSetScores::energy);
        scores.put("prototype_cosine", this::nearestPrototype);
        return scores;
    }

    static double maxLogit(NetworkView v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : v.logits()) {
            max = Math.max(max, z);
        }
        return max;
    }

    static double energy(NetworkView v) {
        double max = maxLogit(v);
        double sum = 0;
        for (double z : v.logits()) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum);
    }

    double nearestPrototype(NetworkView v) {
        double[] unit = unit(v.features());
        double best = -1;
        for (double[] p : prototypes) {
            double dot = 0;
            for (int i = 0; i < p.length; i++) {
                dot += p[i] * unit[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : v[i] / norm;
        }
        return out;
    }

    /** The share of unknown faces turned away when the threshold turns away {@code knownShare} of the known ones. */
    static double rejectedAt(List<Double> known, List<Double> unknown, double knownShare) {
        List<Double> sorted = new ArrayList<>(known);
        sorted.sort(null);
        double threshold = sorted.get((int) Math.floor(knownShare * (sorted.size() - 1)));
        return unknown.stream().filter(u -> u < threshold).count() / (double) unknown.size();
    }
}
