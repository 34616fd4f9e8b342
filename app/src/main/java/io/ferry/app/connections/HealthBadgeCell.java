package io.ferry.app.connections;

import io.ferry.client.ConnectionHealth;
import io.ferry.client.ConnectionStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A table cell that shows a connection's health as a coloured badge. */
final class HealthBadgeCell extends TableCell<ConnectionStatus, ConnectionHealth> {
    private final Label badge = new Label();

    HealthBadgeCell() {
        badge.getStyleClass().add("health-badge");
        setGraphic(null);
    }

    @Override
    protected void updateItem(ConnectionHealth health, boolean empty) {
        super.updateItem(health, empty);
        setText(null);
        if (empty) {
            setGraphic(null);
            return;
        }
        badge.getStyleClass().removeIf(style -> style.startsWith("health-") && !style.equals("health-badge"));
        badge.getStyleClass().add(ConnectionFormat.healthStyleClass(health));
        badge.setText(ConnectionFormat.health(health));
        setGraphic(badge);
    }
}
