package umimegu.recognition;

import umimegu.vision.ImageDecodeException;

/** Picture bytes → the faces in it and what the model says of each: the port {@code AnswerPicture} uses. */
public interface PictureRecognizer {
    /** Throws {@link ImageDecodeException} naming {@code name} when the bytes are no picture it can read. */
    Recognition recognize(byte[] bytes, String name) throws ImageDecodeException;
}
