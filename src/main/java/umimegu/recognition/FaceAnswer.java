package umimegu.recognition;

import java.awt.image.BufferedImage;
import umimegu.model.Prediction;
import umimegu.vision.FaceBox;

/**
 * One classified face: its number (1 = leftmost), the detected box (null when the whole picture
 * was classified), the crop the classifier saw, the prediction and whether it was below the
 * confidence threshold.
 */
public record FaceAnswer(int number, FaceBox box, BufferedImage crop, Prediction prediction, boolean unsure) {}
