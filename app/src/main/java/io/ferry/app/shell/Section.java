package io.ferry.app.shell;

import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One entry of the navigation and the page it shows. The page is built the first time the section is opened
 * and kept afterwards.
 *
 * @param title the navigation label, also the key {@link MainViewModel#select} uses
 * @param page  builds the page (a view's root node)
 */
public record Section(String title, Supplier<Node> page) {
    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(page, "page");
    }
}
