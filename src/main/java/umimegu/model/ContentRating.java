package umimegu.model;

import java.awt.image.BufferedImage;

/** How explicit a picture looks, from 0 (not at all) to 1: the port answers use to decide on a spoiler. */
public interface ContentRating {
    double explicitness(BufferedImage picture);
}
