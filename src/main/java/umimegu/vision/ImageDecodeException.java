package umimegu.vision;

import java.io.IOException;

/** A file that is not a picture we can read; the message names the file and the reason. */
public class ImageDecodeException extends IOException {
    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
