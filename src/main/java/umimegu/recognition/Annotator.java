package umimegu.recognition;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;


import umimegu.common.Png;

/** A copy of the picture with each face's box, number, name and percentage drawn on it. */
public final class Annotator {
    private static final Color SURE = new Color(46, 160, 67);
    private static final Color UNSURE = new Color(230, 140, 20);

    private Annotator() {
    }

    public static BufferedImage draw(Recognition r, AnswerFormatter answers) {
        BufferedImage picture = r.picture();
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int side = Math.max(picture.getWidth(), picture.getHeight());
            float stroke = Math.max(2f, side / 300f);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, side / 45)));
            FontMetrics metrics = g.getFontMetrics();
            for (FaceAnswer face : r.faces()) {
                if (face.box() == null) {
                    continue;
                }
                Color colour = face.unsure() ? UNSURE : SURE;
                g.setColor(colour);
                g.setStroke(new BasicStroke(stroke));
                g.drawRect(face.box().x(), face.box().y(), face.box().width(), face.box().height());
                String label = face.number() + ": " + answers.displayName(face.prediction().label()) + " "
                        + answers.percent(face.prediction().probability()) + "%" + (face.unsure() ? "?" : "");
                int textWidth = metrics.stringWidth(label) + 8;
                int textHeight = metrics.getHeight();
                int x = Math.min(Math.max(0, face.box().x()), Math.max(0, picture.getWidth() - textWidth));
                int y = face.box().y() >= textHeight ? face.box().y() - textHeight : face.box().y() + face.box().height();
                y = Math.min(y, Math.max(0, picture.getHeight() - textHeight));
                g.fillRect(x, y, textWidth, textHeight);
                g.setColor(Color.WHITE);
                g.drawString(label, x + 4, y + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public static byte[] png(BufferedImage image) {
        return Png.encode(image);
    }
}
