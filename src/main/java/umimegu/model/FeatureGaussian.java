package umimegu.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Gaussian per label with one shared covariance, shrunk towards a multiple of the identity, on
 * the backbone's features: how typical a face is of the nearest known label (the negated smallest
 * Mahalanobis distance; higher is more known). With {@code relative}, the distance to a Gaussian
 * of all pictures together is subtracted, which discounts what every face has in common
 * (docs/pretrained.md, "I don't know").
 */
public final class FeatureGaussian {
    private final INDArray means; // labels × features
    private final INDArray precision; // features × features
    private final INDArray meanTerms; // μ P μᵀ per label
    private final INDArray allMean; // 1 × features, null unless relative
    private final INDArray allPrecision;

    private FeatureGaussian(INDArray means, INDArray precision, INDArray allMean, INDArray allPrecision) {
        this.means = means;
        this.precision = precision;
        this.meanTerms = means.mmul(precision).mul(means).sum(1);
        this.allMean = allMean;
        this.allPrecision = allPrecision;
    }

    /** Fits on labelled rows; {@code shrink} in [0, 1] is the weight of the identity part. */
    public static FeatureGaussian fit(float[][] rows, int[] labels, int labelCount, double shrink, boolean relative) {
        INDArray x = Nd4j.createFromArray(rows).castTo(DataType.DOUBLE);
        int d = rows[0].length;
        INDArray means = Nd4j.zeros(DataType.DOUBLE, labelCount, d);
        int[] counts = new int[labelCount];
        for (int i = 0; i < rows.length; i++) {
            means.getRow(labels[i]).addi(x.getRow(i));
            counts[labels[i]]++;
        }
        for (int k = 0; k < labelCount; k++) {
            means.getRow(k).divi(Math.max(1, counts[k]));
        }
        INDArray centred = x.dup();
        for (int i = 0; i < rows.length; i++) {
            centred.getRow(i).subi(means.getRow(labels[i]));
        }
        INDArray precision = shrunkPrecision(centred, Math.max(1, rows.length - labelCount), shrink);
        if (!relative) {
            return new FeatureGaussian(means, precision, null, null);
        }
        INDArray allMean = x.mean(0).reshape(1, d);
        INDArray allCentred = x.subRowVector(allMean);
        return new FeatureGaussian(
                means, precision, allMean, shrunkPrecision(allCentred, Math.max(1, rows.length - 1), shrink));
    }

    private static INDArray shrunkPrecision(INDArray centred, int dof, double shrink) {
        int d = (int) centred.columns();
        double[][] cov = centred.transpose().mmul(centred).divi(dof).toDoubleMatrix();
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale += cov[i][i] / d;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] *= 1 - shrink;
            }
            cov[i][i] += shrink * scale;
        }
        return Nd4j.createFromArray(inverseOfPositiveDefinite(cov));
    }

    /** The inverse of a symmetric positive definite matrix, through its Cholesky factor. */
    static double[][] inverseOfPositiveDefinite(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] lj = l[j];
            double sum = a[j][j];
            for (int k = 0; k < j; k++) {
                sum -= lj[k] * lj[k];
            }
            if (sum <= 0) {
                throw new IllegalArgumentException("not positive definite");
            }
            lj[j] = Math.sqrt(sum);
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double v = a[i][j];
                for (int k = 0; k < j; k++) {
                    v -= li[k] * lj[k];
                }
                li[j] = v / lj[j];
            }
        }
        // W = L⁻¹ (lower triangular), then A⁻¹ = Wᵀ W
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            w[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double v = 0;
                for (int k = j; k < i; k++) {
                    v -= l[i][k] * w[k][j];
                }
                w[i][j] = v / l[i][i];
            }
        }
        INDArray wm = Nd4j.createFromArray(w);
        return wm.transpose().mmul(wm).toDoubleMatrix();
    }

    /** Per row, the negated smallest (relative) squared Mahalanobis distance to a label's mean. */
    public double[] scores(float[][] rows) {
        INDArray x = Nd4j.createFromArray(rows).castTo(DataType.DOUBLE);
        INDArray q = x.mmul(precision);
        INDArray own = q.mul(x).sum(1); // x P xᵀ
        INDArray cross = q.mmul(means.transpose()); // x P μᵀ
        INDArray distances =
                cross.muli(-2).addiColumnVector(own.reshape(rows.length, 1)).addiRowVector(meanTerms);
        INDArray smallest = distances.min(1);
        if (allMean != null) {
            INDArray centred = x.subRowVector(allMean);
            smallest.subi(centred.mmul(allPrecision).mul(centred).sum(1));
        }
        double[] out = smallest.toDoubleVector();
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
        return out;
    }
}
