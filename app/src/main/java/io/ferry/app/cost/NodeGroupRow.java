package io.ferry.app.cost;

import io.ferry.cost.PurchaseOption;
import io.ferry.cost.Scenario;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the node-group table; it remembers the rest of its group (purchase, scaling). */
public final class NodeGroupRow {
    private final StringProperty role = new SimpleStringProperty();
    private final ObjectProperty<Integer> count = new SimpleObjectProperty<>();
    private final StringProperty instanceType = new SimpleStringProperty();
    private final StringProperty ebsType = new SimpleStringProperty();
    private final ObjectProperty<Double> ebsGbPerNode = new SimpleObjectProperty<>();
    private final ObjectProperty<PurchaseOption> purchase = new SimpleObjectProperty<>();
    private final Scenario.NodeGroup original;

    NodeGroupRow(Scenario.NodeGroup g) {
        original = g;
        role.set(g.role());
        count.set(g.count());
        instanceType.set(g.instanceType());
        ebsType.set(g.ebsType());
        ebsGbPerNode.set(g.ebsGbPerNode());
        purchase.set(g.purchaseOrDefault().optionOrDefault());
    }

    Scenario.NodeGroup toNodeGroup() {
        Scenario.Purchase p = original.purchaseOrDefault();
        Scenario.Purchase edited = new Scenario.Purchase(purchase.get(), p.termYears(), p.upfront(), p.spotSharePercent());
        return new Scenario.NodeGroup(role.get(), count.get(), instanceType.get(),
                ebsType.get() == null || ebsType.get().isBlank() ? null : ebsType.get(),
                ebsGbPerNode.get(), original.scalesWithLoad(), edited);
    }

    public StringProperty roleProperty() {
        return role;
    }

    public ObjectProperty<Integer> countProperty() {
        return count;
    }

    public StringProperty instanceTypeProperty() {
        return instanceType;
    }

    public StringProperty ebsTypeProperty() {
        return ebsType;
    }

    public ObjectProperty<Double> ebsGbPerNodeProperty() {
        return ebsGbPerNode;
    }

    public ObjectProperty<PurchaseOption> purchaseProperty() {
        return purchase;
    }
}
