package io.ferry.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The console window: navigation on the left, the selected page, the start-up banner and the status bar. */
public final class MainView {
    private final MainViewModel viewModel;
    private final Map<String, Section> sections = new HashMap<>();
    private final Map<String, Node> builtPages = new HashMap<>();
    private final StackPane content = new StackPane();
    private final ListView<Section> navigation = new ListView<>();
    private final BorderPane root = new BorderPane();

    public MainView(MainViewModel viewModel, List<Section> sectionList) {
        this.viewModel = viewModel;
        sectionList.forEach(section -> sections.put(section.title(), section));
        navigation.getItems().setAll(sectionList);

        content.setId("content");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(new StartupBanner(viewModel).root(), content);

        root.setLeft(navigationPane());
        root.setCenter(center);
        root.setBottom(new StatusBar(viewModel).root());

        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, section) -> {
            if (section != null) {
                viewModel.select(section.title());
            }
        });
        viewModel.selectedSectionProperty().addListener((obs, old, title) -> show(title));
        show(viewModel.selectedSectionProperty().get());
    }

    public Parent root() {
        return root;
    }

    private Node navigationPane() {
        Label brand = new Label("Ferry");
        brand.getStyleClass().addAll(Styles.TITLE_3, "brand");
        brand.setPadding(new Insets(16, 16, 8, 16));

        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Section section, boolean empty) {
                super.updateItem(section, empty);
                setText(empty || section == null ? null : section.title());
            }
        });
        VBox.setVgrow(navigation, Priority.ALWAYS);

        VBox pane = new VBox(brand, navigation);
        pane.getStyleClass().add("navigation-pane");
        pane.setPrefWidth(190);
        pane.setAlignment(Pos.TOP_LEFT);
        return pane;
    }

    private void show(String title) {
        Section section = sections.get(title);
        if (section == null) {
            throw new IllegalArgumentException("No section titled '" + title + "'; the sections are "
                    + sections.keySet());
        }
        Node page = builtPages.computeIfAbsent(title, key -> section.page().get());
        content.getChildren().setAll(page);
        if (navigation.getSelectionModel().getSelectedItem() != section) {
            navigation.getSelectionModel().select(section);
        }
    }
}
