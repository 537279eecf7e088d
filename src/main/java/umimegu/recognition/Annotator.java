package umimegu.recognition;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import umimegu.common.Png;

/**
 * A copy of the picture with each face boxed and numbered, and under it a strip that names every
 * number: "1 Megumi 56.1%". Names never sit on the picture, so on a crowded group picture none
 * hides another name or a face; the strip's text is sized to stay readable when a chat shows the
 * picture small (about 400 pixels wide on a phone).
 */
public final class Annotator {
    private static final Color SURE = new Color(46, 160, 67);
    private static final Color UNSURE = new Color(230, 140, 20);
    private static final Color STRIP = new Color(24, 24, 28);
    /** Text height as a share of the picture width: at 400 px shown, about 14 px. */
    private static final double TEXT_SHARE = 1 / 28.0;

    private Annotator() {}

    /** Where each number tag and each name went, in picture pixels (the strip starts at {@code stripTop}). */
    public record Layout(
            int width, int height, int stripTop, List<Rectangle> faces, List<Rectangle> tags, List<Rectangle> names) {}

    public static BufferedImage draw(Recognition r, AnswerFormatter answers) {
        BufferedImage picture = r.picture();
        List<FaceAnswer> boxed = r.faces().stream().filter(f -> f.box() != null).toList();
        Font font =
                new Font(Font.SANS_SERIF, Font.BOLD, Math.max(13, (int) Math.round(picture.getWidth() * TEXT_SHARE)));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        Layout layout;
        List<String> names = boxed.stream().map(f -> name(f, answers)).toList();
        try {
            layout = layout(
                    picture.getWidth(),
                    picture.getHeight(),
                    boxed,
                    names,
                    pg.getFontMetrics(font),
                    pg.getFontMetrics(tagFont(font, picture)));
        } finally {
            pg.dispose();
        }
        BufferedImage out = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float stroke = Math.max(2f, Math.max(picture.getWidth(), picture.getHeight()) / 300f);
            Font tagFont = tagFont(font, picture);
            for (int i = 0; i < boxed.size(); i++) {
                FaceAnswer face = boxed.get(i);
                Color colour = face.unsure() ? UNSURE : SURE;
                Rectangle box = layout.faces().get(i);
                g.setColor(colour);
                g.setStroke(new BasicStroke(stroke));
                g.drawRect(box.x, box.y, box.width, box.height);
                Rectangle tag = layout.tags().get(i);
                g.fillRect(tag.x, tag.y, tag.width, tag.height);
                g.setColor(Color.WHITE);
                g.setFont(tagFont);
                centred(g, String.valueOf(face.number()), tag);
            }
            if (!boxed.isEmpty()) {
                g.setColor(STRIP);
                g.fillRect(0, layout.stripTop(), layout.width(), layout.height() - layout.stripTop());
                g.setFont(font);
                FontMetrics metrics = g.getFontMetrics();
                for (int i = 0; i < boxed.size(); i++) {
                    Rectangle name = layout.names().get(i);
                    int badge = metrics.getHeight();
                    g.setColor(boxed.get(i).unsure() ? UNSURE : SURE);
                    g.fillRect(name.x, name.y, badge, badge);
                    g.setColor(Color.WHITE);
                    centred(g, String.valueOf(boxed.get(i).number()), new Rectangle(name.x, name.y, badge, badge));
                    g.drawString(names.get(i), name.x + badge + badge / 4, name.y + metrics.getAscent());
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Font tagFont(Font font, BufferedImage picture) {
        return font.deriveFont((float) Math.max(12, font.getSize() * 0.8));
    }

    private static String name(FaceAnswer f, AnswerFormatter answers) {
        return answers.displayName(f.prediction().label()) + " "
                + answers.percent(f.prediction().probability()) + "%" + (f.unsure() ? "?" : "");
    }

    private static void centred(Graphics2D g, String text, Rectangle r) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(
                text, r.x + (r.width - m.stringWidth(text)) / 2, r.y + (r.height - m.getHeight()) / 2 + m.getAscent());
    }

    /**
     * Number tags sit inside each box's top-left corner (so they cover only their own face); names
     * flow left to right in the strip under the picture, wrapping to new rows.
     */
    static Layout layout(
            int width, int height, List<FaceAnswer> faces, List<String> names, FontMetrics text, FontMetrics tagText) {
        List<Rectangle> boxes = new ArrayList<>();
        List<Rectangle> tags = new ArrayList<>();
        for (FaceAnswer f : faces) {
            Rectangle box = new Rectangle(
                    f.box().x(), f.box().y(), f.box().width(), f.box().height());
            boxes.add(box);
            int side = Math.min(
                    Math.min(box.width, box.height) / 2,
                    Math.max(tagText.getHeight(), tagText.stringWidth(String.valueOf(f.number())) + 6));
            tags.add(new Rectangle(box.x, box.y, Math.max(1, side), Math.max(1, side)));
        }
        List<Rectangle> placed = new ArrayList<>();
        if (faces.isEmpty()) {
            return new Layout(width, height, height, boxes, tags, placed);
        }
        int pad = Math.max(4, text.getHeight() / 3);
        int rowHeight = text.getHeight() + pad;
        int x = pad;
        int y = height + pad;
        for (int i = 0; i < faces.size(); i++) {
            int w = text.getHeight() + text.getHeight() / 4 + text.stringWidth(names.get(i));
            if (x > pad && x + w > width - pad) {
                x = pad;
                y += rowHeight;
            }
            placed.add(new Rectangle(x, y, Math.min(w, width - x), text.getHeight()));
            x += w + 2 * pad;
        }
        return new Layout(width, y + rowHeight, height, boxes, tags, placed);
    }

    public static byte[] png(BufferedImage image) {
        return Png.encode(image);
    }
}
