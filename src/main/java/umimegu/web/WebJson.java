package umimegu.web;

/** JSON has no NaN: unknown figures go out as null. */
final class WebJson {
    private WebJson() {}

    static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
