package io.ferry.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The honest page of a job that is not built yet: what it will do, and no made-up figures. */
public final class PlaceholderView {
    private PlaceholderView() {
    }

    public static Node create(String title, String whatItWillDo) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_2, "page-title");

        Label notYet = new Label("Not built yet");
        notYet.getStyleClass().addAll(Styles.TEXT_MUTED, "placeholder-tag");

        Label description = new Label(whatItWillDo);
        description.setWrapText(true);
        description.setMaxWidth(720);
        description.getStyleClass().add("placeholder-text");

        VBox page = new VBox(12, heading, notYet, description);
        page.setId("page-" + title.toLowerCase().replace(' ', '-'));
        page.setPadding(new Insets(20));
        return page;
    }
}
