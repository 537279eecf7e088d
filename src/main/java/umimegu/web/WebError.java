package umimegu.web;

/** A request the page cannot honour: its status and a sentence saying why, sent as {@code {"error": …}}. */
final class WebError extends RuntimeException {
    private final int status;

    WebError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
