package io.ferry.app.cost;

import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.textfield.TextFields;

/** Edits an instance type in a text field that auto-completes from the price catalogue. */
final class InstanceTypeCell<S> extends TableCell<S, String> {
    private final ObservableList<String> types;
    private TextField field;

    InstanceTypeCell(ObservableList<String> types) {
        this.types = types;
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        field = new TextField(getItem());
        TextFields.bindAutoCompletion(field, request -> types.stream()
                .filter(t -> t.startsWith(request.getUserText().trim()))
                .toList())
                .setOnAutoCompleted(e -> commitEdit(e.getCompletion()));
        field.setOnAction(e -> commitEdit(field.getText().trim()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
            }
        });
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setText(getItem());
        setGraphic(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing() && field != null) {
            field.setText(item);
            setText(null);
            setGraphic(field);
        } else {
            setText(item);
            setGraphic(null);
        }
    }
}
