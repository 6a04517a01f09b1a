package dev.poolsight.core.tokens;

import java.util.Arrays;

/**
 * Fits non-negative prices {@code p} so that {@code rows[i] . p} comes close to {@code targets[i]} for every row,
 * minimising the weighted sum of absolute relative errors {@code sum weights[i] * |rows[i] . p / targets[i] - 1|}.
 *
 * <p>Absolute rather than squared errors, so that a few messages the estimator cannot price (base64, say) do not
 * pull every price towards them; relative, so that a long message counts no more than a short one. Solved by
 * iteratively reweighted least squares (each round weighs a row by one over its last error, floored at 1 %), each
 * round's weighted least squares with prices kept at or above 0 by cyclic coordinate descent: there are a few dozen
 * prices, so the normal equations are small.
 */
final class LeastRelativeDeviations {

    private static final int ROUNDS = 60;
    private static final int SWEEPS = 200;
    private static final double ERROR_FLOOR = 0.01;

    private LeastRelativeDeviations() {
    }

    /**
     * The fitted prices, starting from {@code start}; a price whose column is 0 in every row keeps its start value.
     *
     * @param rows how often each priced piece occurs in each message
     * @param targets the exact count of each message, above 0
     * @param weights the weight of each message
     */
    static double[] fit(double[][] rows, double[] targets, double[] weights, double[] start) {
        int n = rows.length;
        int m = start.length;
        double[] p = start.clone();
        double[][] scaled = new double[n][];
        int[][] nonZero = new int[n][]; // the columns of each row that are not 0: most pieces are absent from a message
        for (int i = 0; i < n; i++) {
            scaled[i] = new double[m];
            int[] columns = new int[m];
            int count = 0;
            for (int j = 0; j < m; j++) {
                scaled[i][j] = rows[i][j] / targets[i];
                if (scaled[i][j] != 0) {
                    columns[count++] = j;
                }
            }
            nonZero[i] = Arrays.copyOf(columns, count);
        }
        double[] rowWeights = new double[n];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < n; i++) {
                double error = Math.abs(dot(scaled[i], p) - 1);
                rowWeights[i] = weights[i] / Math.max(error, ERROR_FLOOR);
            }
            double[][] gram = new double[m][m];
            double[] right = new double[m];
            for (int i = 0; i < n; i++) {
                double[] row = scaled[i];
                double w = rowWeights[i];
                for (int j : nonZero[i]) {
                    double wj = w * row[j];
                    right[j] += wj;
                    for (int k : nonZero[i]) {
                        gram[j][k] += wj * row[k];
                    }
                }
            }
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                double moved = 0;
                for (int j = 0; j < m; j++) {
                    if (gram[j][j] == 0) {
                        continue;
                    }
                    double next = Math.max(0, p[j] - (dot(gram[j], p) - right[j]) / gram[j][j]);
                    moved = Math.max(moved, Math.abs(next - p[j]));
                    p[j] = next;
                }
                if (moved < 1e-9) {
                    break;
                }
            }
        }
        return p;
    }

    /** The weighted sum of absolute relative errors of {@code p}, the quantity {@link #fit} minimises. */
    static double objective(double[][] rows, double[] targets, double[] weights, double[] p) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += weights[i] * Math.abs(dot(rows[i], p) / targets[i] - 1);
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
