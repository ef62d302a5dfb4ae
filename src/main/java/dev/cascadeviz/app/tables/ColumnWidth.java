package dev.cascadeviz.app.tables;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The width a table's column needs to show a text whole, in the font its cells use. */
final class ColumnWidth {

    /** At least this many font sizes wide, however short the name and values. */
    static final double MIN_EMS = 5.4;
    /** Room beside the text: the cell's padding on both sides and the header's. */
    static final double PADDING_EMS = 2.2;
    /** The note column: about forty characters of "deleted by ON DELETE CASCADE (…)". */
    static final double NOTE_EMS = 32;

    private ColumnWidth() {
    }

    /** Wide enough for {@code text} in {@code font} and its padding. */
    static double toShow(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        double em = font.getSize();
        return Math.ceil(Math.max(MIN_EMS * em, measure.getLayoutBounds().getWidth() + PADDING_EMS * em));
    }
}
